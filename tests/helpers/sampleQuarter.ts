// One quarter file of two functions, as the import writes it: the start of the unit tests that check, chart and
// change a quarter file.
import type { QuarterFile } from '../../data/scorecard'

/** A fresh, valid quarter file (2026-Q3, Finance and Engineering): each call a new object, free to change. */
export function sampleQuarter(): QuarterFile {
  return {
    quarter: '2026-Q3',
    currency: 'USD',
    provenance: {
      source: 'API',
      from: '2026-07-01',
      to: '2026-09-30',
      exportedAt: '2026-10-02T00:00:00Z',
      importedAt: '2026-10-03T00:00:00Z',
      peopleCovered: 12,
      unmappedPeople: 0,
      mergedIntoOther: [],
      apiKeySessions: 0,
    },
    functions: [
      {
        function: 'Finance',
        activePeople: 5,
        sessions: 50,
        sessionsOnCommitOrPrDays: 20,
        commits: 9,
        pullRequests: 2,
        editsAccepted: 80,
        editsRejected: 20,
        estimatedCostMinor: 12_345,
      },
      {
        function: 'Engineering',
        activePeople: 7,
        sessions: 91,
        sessionsOnCommitOrPrDays: 70,
        commits: 30,
        pullRequests: 8,
        editsAccepted: 300,
        editsRejected: 25,
        estimatedCostMinor: 45_600,
      },
    ],
  }
}
