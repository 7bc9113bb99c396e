/**
 * Pins every figure to what the report says, independently of data/figures.ts.
 * Each row: the value read off the source by hand, and the passage it was read from.
 * The passage must be in the source, and must state the value, so this table cannot drift either.
 */
import type { SourceId, Value } from '../data'
import { describe, expect, it } from 'vitest'
import { FIGURES } from '../data'
import { numbersIn } from '../data/validate'
import { describeSources, sourceText } from './helpers/sourceText'

type Row = [value: Value, passage: string, doc?: SourceId]

const READ_FROM_SOURCES: Record<string, Row> = {
  'scope.sessions': [400000, '~400,000 interactive sessions'],
  'scope.people': [235000, 'from ~235,000 people'],
  'scope.months': [7, 'Over the seven months we observe'],
  'scope.noClearGoalExcluded': [7.7, 'about 7.7% of our full sample'],
  'scope.classifierTelemetryAgreement': [90, 'more than 90% of sessions our classifier labeled'],
  'scope.expertiseScalePoints': [5, 'on a five-point scale from novice to expert'],
  'decisions.planning.user': [70, 'people make about 70% of the planning decisions'],
  'decisions.execution.user': [20, 'but only 20% of the execution decisions'],
  'decisions.execution.claude': [80, 'Claude makes about 80% of execution decisions'],
  'session.turns': [4, 'there are about four such turns'],
  'session.actionsPerPrompt': [10, 'a chain of around 10 actions taken by Claude on average'],
  'session.actionsPerPromptTail': [100, 'and sometimes over 100'],
  'session.tail.overHundredShare': [2, 'About 2% of sessions average more than'],
  'session.tail.overTwoHundred': [270, 'about 1 in 270 average'],
  'session.tail.overFiveHundred': [2300, 'about 1 in 2,300 average'],
  'session.wordsPerTurn': [2400, 'writes on average 2,400 words of output'],
  'autonomy.userControlsExecution.actions': [8, '(about eight actions)'],
  'autonomy.claudeControlsPlanning.actions': [16, 'the highest number of actions (about 16)'],
  'autonomy.controlThreshold': [80, 'makes over 80% of execution decisions'],
  'expertise.novice.actions': [5, 'each prompt sets off about five Claude actions'],
  'expertise.novice.words': [600, 'roughly 600 words of output'],
  'expertise.expert.actions': [12, 'more than twice as long (12 actions)'],
  'expertise.expert.words': [3200, 'five times the output (3,200 words)'],
  'expertise.actionsMultiple': [2, 'action chains more than twice as long'],
  'expertise.wordsMultiple': [5, 'carrying five times the output'],
  'expertise.perLevel.actions': [9, 'at +9% actions'],
  'expertise.perLevel.output': [13, '+13% output per expertise level'],
  'expertise.pValue': [0.001, 'statistically significant (p < 0.001)'],
  'modes.count': [9, 'one of nine work modes'],
  'modes.code': [56, 'About 56% of sessions consist of'],
  'modes.building': [25, 'writing (25%)'],
  'modes.fixing': [26, 'fixing (26%)'],
  'modes.testingOrchestrating': [5, 'testing and orchestrating code (5%)'],
  'modes.operating': [17, 'Operating software comprises 17%'],
  'modes.planningUnderstanding': [14, '14% of sessions are planning or exploring'],
  'modes.analysisProse': [13, '13% produce analysis or prose'],
  'shift.fixing.oct': [33, 'fixing broken code fell from 33%'],
  'shift.fixing.apr': [19, 'fell from 33% to 19% (Figure 4)'],
  'shift.operating.oct': [14, 'Operating software grew from 14%'],
  'shift.operating.apr': [21, 'to 21% of sessions'],
  'shift.writingAnalysis.oct': [10, 'from about 10% to'],
  'shift.writingAnalysis.apr': [20, 'to 20% of sessions'],
  'value.average': [27, 'the average session rose by 27%'],
  'value.averageKeyFindings': [25, 'about 25% on average'],
  'value.building': [43, '(about 43%,'],
  'value.operating': [34, ' 34%, and'],
  'value.fixing': [32, 'and 32% respectively'],
  'success.novice.verified': [15, 'verified success, 15% of the time'],
  'success.novice.partial': [77, 'at least partial success 77% of the time'],
  'success.intermediatePlus.verified': [
    [28, 33],
    'reaches verified success 28-33% of the time',
  ],
  'success.intermediatePlus.partial': [
    [91, 92],
    'partial success 91-92% of the time',
  ],
  'trouble.failureSignalThreshold': [3, '(failure signals > 3)'],
  'trouble.novice.verified': [4, 'rises from 4% for novice-rated sessions'],
  'trouble.expert.verified': [15, 'to 15% for expert-rated ones'],
  'trouble.novice.partial': [60, 'is 60% for novice'],
  'trouble.intermediatePlus.partial': [
    [80, 81],
    '80-81% for intermediate through expert sessions',
  ],
  'trouble.novice.abandoned': [19, '19% of sessions where the user appears to be a novice end abandoned'],
  'trouble.intermediatePlus.abandoned': [
    [5, 7],
    'against 5-7% for everyone else',
  ],
  'occupation.socGroups': [23, 'one of 23 major groups'],
  'occupation.inferredShare': [70, 'infer occupation in about 70% of sessions'],
  'occupation.software.verified': [30, 'verified success in about 30% of their sessions overall'],
  'occupation.other.verified': [26, 'reach verified success about 26% of the time'],
  'occupation.software.verifiedCode': [34, 'those numbers are 34% and'],
  'occupation.other.verifiedCode': [29, 'and 29% respectively'],
  'occupation.software.partialCode': [89, 'code-producing sessions 89% and'],
  'occupation.other.partialCode': [88, 'and 88% of the time, respectively'],
  'occupation.largestGroups': [10, 'every one of the ten largest occupations'],
  'occupation.maxGap': [7, 'lands within seven points of software engineers'],
  'context.githubAgentShareGrowth': [2, 'has more than doubled since late 2025'],
  'context.githubFirstStudyShare': [
    [16, 23],
    'an estimated 16-23% of projects',
  ],
  'context.githubFirstStudyRepos': [128000, 'covering 128,000 public repositories'],
  'context.hoursPerWeek': [20, 'an average of 20 hours per week'],
  // Article claims, read from the articles themselves.
  'circulation.expertSuccess': [91, 'experts achieve ~91% task success', 'workforceBrief'],
  'circulation.noviceSuccess': [15, 'vs. ~15% for novices', 'workforceBrief'],
  'circulation.debuggingDrop': [50, 'A roughly 50% reduction in debugging sessions', 'workforceBrief'],
  'circulation.valueRise': [25, 'approximately 25% per the full paper', 'workforceBrief'],
  'circulation.writingAnalysisEach': [2, 'Writing and data analysis each roughly doubled', 'commentary'],
}

/** Figures the report implies rather than states, worked out by hand here from the report's own numbers. */
const WORKED_OUT: Record<string, Value> = {
  'decisions.planning.claude': 30, // 100 − 70
  'expertise.actionsRatio': 2.4, // 12 ÷ 5
  'expertise.wordsRatio': 5.3, // 3,200 ÷ 600 = 5.33…
  'shift.fixing.relativeDecline': -42, // (19 − 33) ÷ 33 = −42.4%
  'occupation.codeGap': 5, // 34 − 29, “that five-point gap”
}

describe('every figure is pinned to its source', () => {
  it('each figure in the module has a pinned value, and no pinned id is stale', () => {
    const pinned = new Set([
      ...Object.keys(READ_FROM_SOURCES),
      ...Object.keys(WORKED_OUT),
    ])
    expect(FIGURES.map(f => f.id).filter(id => !pinned.has(id))).toEqual([])
    expect([...pinned].filter(id => !FIGURES.some(f => f.id === id))).toEqual([])
  })

  for (const [id, [expected, passage, doc = 'report']] of Object.entries(READ_FROM_SOURCES)) {
    it(`${id} is ${JSON.stringify(expected)}, as “${passage}” says`, () => {
      const stated = numbersIn(passage)
      for (const n of typeof expected === 'number'
        ? [expected]
        : expected) expect(stated).toContain(n)
      const f = FIGURES.find(g => g.id === id)
      expect(f?.value).toEqual(expected)
      expect(f?.source.doc).toBe(doc)
    })
  }

  for (const [id, expected] of Object.entries(WORKED_OUT)) {
    it(`${id} is ${JSON.stringify(expected)}, worked out from the report`, () => {
      expect(FIGURES.find(g => g.id === id)?.value).toEqual(expected)
    })
  }
})

describeSources('every pinned passage is in its source', () => {
  for (const [id, [, passage, doc = 'report']] of Object.entries(READ_FROM_SOURCES)) {
    it(`${id}: “${passage}” is in ${doc}`, () => {
      expect(sourceText(doc), 'passage not found in the source').toContain(passage)
    })
  }
})
