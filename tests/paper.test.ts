// The board paper's particulars (data/paper.ts): checked like the plan, each problem naming its field; the
// resolution is the plan's asks as the board would minute them, never retyped; every page carries the same mark.
import type { Paper } from '../data/paper'
import type { Plan } from '../data/plan'
import { describe, expect, it } from 'vitest'
import { formatDate } from '../data/format'
import { meetingLine, pageMark, PAPER, paperKeywords, paperMark, paperProblems, resolution, resolutionText, versionLine } from '../data/paper'
import { formatMoney, PLAN } from '../data/plan'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { validateWith } from './helpers/project'

function variant(change: (p: Paper) => void): Paper {
  const p = structuredClone(PAPER) as Paper
  change(p)
  return p
}

describe('data/paper.ts is checked like the plan: a bad particular names its field', () => {
  it('the particulars as they stand have no problems', () => expect(paperProblems(PAPER)).toEqual([]))

  it.each([
    [
      'a reference in another shape',
      (p: Paper) => (p.reference = 'board paper seven'),
      /^reference must look like BRD\/2026-12\/07/,
    ],
    [
      'a reference for another month than the meeting',
      (p: Paper) => (p.reference = 'BRD/2027-01/07'),
      /^reference \(BRD\/2027-01\/07\) names 2027-01, but the meeting is on 2026-12-10/,
    ],
    [
      'a reference for another agenda item',
      (p: Paper) => (p.reference = 'BRD/2026-12/08'),
      /^reference \(BRD\/2026-12\/08\) ends in item 08, but agendaItem is 7/,
    ],
    [
      'no sponsor',
      (p: Paper) => (p.sponsor = ' '),
      /^sponsor is missing/,
    ],
    [
      'version nought',
      (p: Paper) => (p.version = 0),
      /^version must be a whole number from 1, got 0/,
    ],
    [
      'an unknown status',
      (p: Paper) => ((p as { status: string }).status = 'approved'),
      /^status must be one of draft, final, superseded/,
    ],
    [
      '"For noting" while the plan asks for approvals',
      (p: Paper) => (p.purpose = 'For noting'),
      /^purpose is "For noting", but the plan asks the board to approve/,
    ],
    [
      'no classification',
      (p: Paper) => (p.classification = ''),
      /^classification is missing/,
    ],
    [
      'issued on the day of the meeting',
      (p: Paper) => (p.issuedOn = '2026-12-10'),
      /^issuedOn \(2026-12-10\) must come before the meeting \(2026-12-10\)/,
    ],
    [
      'issued before the plan was set',
      (p: Paper) => (p.issuedOn = '2026-11-01'),
      /^issuedOn \(2026-11-01\) is before the plan was set \(2026-11-27\)/,
    ],
    [
      'a day that is not a day',
      (p: Paper) => (p.issuedOn = '2026-02-30'),
      /^issuedOn must be a real day/,
    ],
    [
      'superseded without saying by which version',
      (p: Paper) => (p.status = 'superseded'),
      /^supersededBy is missing/,
    ],
    [
      'superseded by an earlier version',
      (p: Paper) => Object.assign(p, { version: 2, status: 'superseded', supersededBy: 1 }),
      /^supersededBy must be a later version than 2 \(a whole number\), got 1/,
    ],
    [
      'superseded by a version that is not a whole number',
      (p: Paper) => Object.assign(p, { status: 'superseded', supersededBy: 2.5 }),
      /^supersededBy must be a later version/,
    ],
    [
      'a successor named while the paper is final',
      (p: Paper) => Object.assign(p, { status: 'final', supersededBy: 2 }),
      /^supersededBy is set \(2\), but status is "final"/,
    ],
    [
      'a meeting the plan does not have',
      (p: Paper) => ((p as { meeting: string }).meeting = 'agm'),
      /^meeting names no meeting/,
    ],
  ])('%s is refused', (_, change, message) => {
    const problems = paperProblems(variant(change))
    expect(problems.some(p => message.test(p)), problems.join('\n')).toBe(true)
  })

  it('"For decision" needs something to approve', () => {
    const plan = structuredClone(PLAN) as Plan
    plan.asks = plan.asks.map(a => ({ ...a, verb: 'Note' as const }))
    expect(paperProblems(PAPER, plan)).toEqual(['purpose is "For decision", but the plan asks the board to approve nothing'])
    expect(paperProblems({ ...PAPER, purpose: 'For noting' }, plan)).toEqual([])
  })

  it('bad particulars stop the build (the step every build and export runs), naming the field', () => {
    const r = validateWith('data/paper.ts', source => source.replace('sponsor: \'Chief Executive\'', 'sponsor: \'\''))
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.stderr).toContain('sponsor is missing')
  })
})

describe('the resolution is the plan’s asks, as minuted', () => {
  it('has one lettered limb per ask, in order, each opening with the board’s verb and the ask’s own decision', () => {
    const r = resolution()
    expect(r.opening).toBe('RESOLVED that the Board:')
    expect(r.limbs).toHaveLength(PLAN.asks.length)
    PLAN.asks.forEach((a, i) => {
      expect(r.limbs[i]).toMatch(new RegExp(`^\\(${'abcdefghij'[i]}\\) ${{ Approve: 'approves', Require: 'requires', Note: 'notes' }[a.verb]}[ ,]`))
      // A cap comes straight after the verb, so it reads as the whole ask's, not as a clause of the decision's last words.
      if (a.cap)
        expect(r.limbs[i]).toMatch(/^\(\w\) \w+, at a cost not exceeding /)
      expect(r.limbs[i]).toContain(a.decision)
    })
    expect(r.limbs.at(-1)!.endsWith('.')).toBe(true)
    expect(r.limbs.slice(0, -1).every(l => l.endsWith(';'))).toBe(true)
  })

  it('states each cap from the plan, and follows the plan when an ask changes', () => {
    for (const a of PLAN.asks.filter(a => a.cap)) expect(resolutionText()).toContain(`not exceeding ${formatMoney(a.cap!)}`)
    const plan = structuredClone(PLAN) as Plan
    plan.asks = [
      {
        ...plan.asks[0],
        cap: { amount: 250_000, currency: 'USD' },
      },
    ]
    expect(resolutionText(plan)).toContain('not exceeding US$250,000,')
  })

  it('a limb that spends money stands on its own: owner, the meeting it returns to, and its test', () => {
    const pilot = PLAN.asks.find(a => a.id === 'pilot')!
    const limb = resolution().limbs[PLAN.asks.indexOf(pilot)]
    const back = PLAN.meetings[pilot.returnsAt]
    expect(limb).toContain(`under the ${pilot.owner}, who reports to the ${back.name} on ${formatDate(back.date)} with this test: ${pilot.test}`)
    expect(limb).not.toMatch(/pilot slide|see the/i)
    for (const f of PLAN.pilot.functions) expect(limb).toContain(f.name)
  })
})

describe('the marks the outputs carry', () => {
  it('every page: reference · classification · page N of M', () => {
    expect(pageMark(7, 27)).toBe('BRD/2026-12/07 · Confidential: board members only · page 7 of 27')
  })
  it('a superseded paper says so, and by which version, on every page and in its version line', () => {
    const old = variant(p => Object.assign(p, { status: 'superseded', supersededBy: 2 }))
    expect(paperProblems(old)).toEqual([])
    expect(pageMark(7, 27, old)).toBe('Superseded by version 2 · BRD/2026-12/07 · Confidential: board members only · page 7 of 27')
    expect(paperMark(old)).toBe('Superseded by version 2 · BRD/2026-12/07 · Confidential: board members only')
    expect(versionLine(old)).toBe('Version 1, superseded by version 2')
    expect(pageMark(7, 27)).not.toContain('Superseded')
  })
  it('the cover’s lines and the PDF keywords come from the particulars and the plan', () => {
    expect(meetingLine()).toBe('Board meeting, 10 December 2026')
    expect(versionLine()).toBe('Version 1, final')
    expect(paperKeywords()).toEqual([
      PAPER.reference,
      meetingLine(),
      'Agenda item 7',
      'Version 1, final',
      'For decision',
      PAPER.classification,
    ])
  })
})
