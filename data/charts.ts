/**
 * Which figures each chart draws. Slides name a chart here (<BarChart chart="successByExpertise" />);
 * the components in components/charts/ draw it. Colours are named by meaning (see palette.ts).
 */
import type { MeasureId } from './scorecard-measures.ts'
import type { FigureId } from './types.ts'

export type Meaning = 'person' | 'claude' | 'novice' | 'skilled' | 'software' | 'otherOccupations' | 'share'

export interface BarSeries {
  name: string
  /** One meaning for the series, or one per bar. */
  meaning: Meaning | readonly Meaning[]
  /** One figure id per category. */
  figures: readonly FigureId[]
}

export interface BarChartSpec {
  kind: 'bar'
  title: string
  categories: readonly (string | readonly string[])[]
  series: readonly BarSeries[]
  horizontal?: boolean
  axisTitle?: string
  /** Said under the chart when a bar needs it. */
  footnote?: string
}

export interface SplitBarSpec {
  kind: 'split'
  title: string
  rows: readonly { label: string, parts: readonly { name: string, meaning: Meaning, figure: FigureId }[] }[]
}

export interface SlopeSpec {
  kind: 'slope'
  title: string
  fromLabel: string
  toLabel: string
  lines: readonly { name: string, from: FigureId, to: FigureId }[]
}

export type ChartSpec = BarChartSpec | SplitBarSpec | SlopeSpec

export const CHARTS = {
  decisions: {
    kind: 'split',
    title: 'Who makes the decisions in a typical session: the person or Claude',
    rows: [
      {
        label: 'Planning (what to do)',
        parts: [
          { name: 'Person', meaning: 'person', figure: 'decisions.planning.user' },
          { name: 'Claude', meaning: 'claude', figure: 'decisions.planning.claude' },
        ],
      },
      {
        label: 'Execution (how to do it)',
        parts: [
          { name: 'Person', meaning: 'person', figure: 'decisions.execution.user' },
          { name: 'Claude', meaning: 'claude', figure: 'decisions.execution.claude' },
        ],
      },
    ],
  },
  autonomy: {
    kind: 'bar',
    title: 'Claude actions per turn, by who holds control',
    categories: [
      ['Person keeps', 'execution'],
      ['Claude takes', 'over planning'],
    ],
    series: [
      {
        name: 'Actions per turn',
        meaning: ['person', 'claude'],
        figures: ['autonomy.userControlsExecution.actions', 'autonomy.claudeControlsPlanning.actions'],
      },
    ],
    axisTitle: 'Actions per turn',
  },
  expertiseActions: {
    kind: 'bar',
    title: 'Claude actions per prompt, novice and expert sessions',
    categories: ['Novice', 'Expert'],
    series: [
      {
        name: 'Actions per prompt',
        meaning: ['novice', 'skilled'],
        figures: ['expertise.novice.actions', 'expertise.expert.actions'],
      },
    ],
    axisTitle: 'Actions per prompt',
  },
  expertiseWords: {
    kind: 'bar',
    title: 'Words of output per prompt, novice and expert sessions',
    categories: ['Novice', 'Expert'],
    series: [
      {
        name: 'Words per prompt',
        meaning: ['novice', 'skilled'],
        figures: ['expertise.novice.words', 'expertise.expert.words'],
      },
    ],
    axisTitle: 'Words per prompt',
  },
  successByExpertise: {
    kind: 'bar',
    title: 'Share of sessions that succeed, by rated expertise',
    categories: ['Verified success', 'At least partial success'],
    series: [
      {
        name: 'Novice',
        meaning: 'novice',
        figures: ['success.novice.verified', 'success.novice.partial'],
      },
      {
        name: 'Intermediate or above',
        meaning: 'skilled',
        figures: ['success.intermediatePlus.verified', 'success.intermediatePlus.partial'],
      },
    ],
    axisTitle: 'Share of sessions',
  },
  trouble: {
    kind: 'bar',
    title: 'How sessions that hit trouble end, by rated expertise',
    // Verified success is left out: the report gives it only for the two ends (novice and expert-rated), and a bar
    // for "intermediate or above" would have to borrow the expert figure. The slide says it in words instead.
    categories: [
      ['At least', 'partial success'],
      'Abandoned',
    ],
    series: [
      {
        name: 'Novice',
        meaning: 'novice',
        figures: ['trouble.novice.partial', 'trouble.novice.abandoned'],
      },
      {
        name: 'Above novice',
        meaning: 'skilled',
        figures: ['trouble.intermediatePlus.partial', 'trouble.intermediatePlus.abandoned'],
      },
    ],
    axisTitle: 'Share of troubled sessions',
    footnote: 'Above novice, as the report gives the rates: at least partial success for sessions rated intermediate to expert; abandoned for every level above novice.',
  },
  occupations: {
    kind: 'bar',
    title: 'Verified and partial success, software-related vs other occupations',
    categories: [
      ['Verified,', 'sessions overall'],
      ['Verified,', 'code-producing'],
      ['At least partial,', 'code-producing'],
    ],
    series: [
      {
        name: 'Software-related occupations',
        meaning: 'software',
        figures: ['occupation.software.verified', 'occupation.software.verifiedCode', 'occupation.software.partialCode'],
      },
      {
        name: 'Other occupations',
        meaning: 'otherOccupations',
        figures: ['occupation.other.verified', 'occupation.other.verifiedCode', 'occupation.other.partialCode'],
      },
    ],
    axisTitle: 'Share of sessions',
  },
  workModes: {
    kind: 'bar',
    title: 'Share of sessions by work mode, as the report groups the nine modes',
    horizontal: true,
    categories: [
      'Fixing',
      'Building',
      'Operating',
      ['Planning and', 'understanding'],
      ['Analysing and', 'communicating'],
      ['Testing and', 'orchestrating'],
    ],
    series: [
      {
        name: 'Share of sessions',
        meaning: 'share',
        figures: [
          'modes.fixing',
          'modes.building',
          'modes.operating',
          'modes.planningUnderstanding',
          'modes.analysisProse',
          'modes.testingOrchestrating',
        ],
      },
    ],
    axisTitle: 'Share of sessions',
  },
  valueGrowth: {
    kind: 'bar',
    title: 'Rise in estimated task value, October to April, by kind of work',
    horizontal: true,
    categories: [
      'Building',
      'Operating',
      'Fixing',
      'Average session',
    ],
    series: [
      {
        name: 'Rise in estimated value',
        meaning: 'share',
        figures: [
          'value.building',
          'value.operating',
          'value.fixing',
          'value.average',
        ],
      },
    ],
    axisTitle: 'Rise in estimated value',
  },
  workShift: {
    kind: 'slope',
    title: 'Share of sessions by kind of work, October 2025 and April 2026',
    fromLabel: 'Oct 2025',
    toLabel: 'Apr 2026',
    lines: [
      { name: 'Fixing code', from: 'shift.fixing.oct', to: 'shift.fixing.apr' },
      { name: 'Operating', from: 'shift.operating.oct', to: 'shift.operating.apr' },
      { name: 'Writing, analysis', from: 'shift.writingAnalysis.oct', to: 'shift.writingAnalysis.apr' },
    ],
  },
} as const satisfies Record<string, ChartSpec>

export type ChartId = keyof typeof CHARTS

/**
 * Our own measures' charts ("Since the last meeting"): bars by function, one per imported quarter, and
 * dashed lines for the study's figures or the budget. Slides name one here (<ScorecardChart chart="editAcceptance" />);
 * the slide (components/scorecard/ScorecardChart.vue) and the PowerPoint exporter draw it from one model
 * (shared/charts/scorecard.ts).
 */
export interface ScorecardChartSpec {
  kind: 'scorecard'
  measure: MeasureId
  /** Study figures drawn as dashed reference lines, each in its meaning's colour. Single values only. */
  references?: readonly { figure: FigureId, meaning: Meaning }[]
  /** The CEO's office's cost budget (data/scorecard/budget.json) as a dashed line. */
  budget?: boolean
}

export const SCORECARD_CHARTS = {
  activePeople: { kind: 'scorecard', measure: 'activePeople' },
  sessionsPerPersonPerWeek: { kind: 'scorecard', measure: 'sessionsPerPersonPerWeek' },
  commitOrPrShare: {
    kind: 'scorecard',
    measure: 'commitOrPrShare',
    references: [
      { figure: 'occupation.software.verified', meaning: 'software' },
      { figure: 'occupation.other.verified', meaning: 'otherOccupations' },
    ],
  },
  editAcceptance: { kind: 'scorecard', measure: 'editAcceptance' },
  costPerPersonPerMonth: { kind: 'scorecard', measure: 'costPerPersonPerMonth', budget: true },
  costPerSession: { kind: 'scorecard', measure: 'costPerSession' },
} as const satisfies Record<string, ScorecardChartSpec>

export type ScorecardChartId = keyof typeof SCORECARD_CHARTS
