/**
 * The claims register: every sentence the deck renders with a number in it, as the board reads it,
 * beside the passages of the report that state its numbers. Kept by hand, on purpose: passages are
 * read off the report, never taken from whichever figure a slide happens to bind, so a slide bound
 * to the wrong figure cannot be "re-recorded" into passing (its new number is not in the passage).
 *
 * The deck ships what this file says: the "What changed" page compares it between versions, and
 * tests/claims.test.ts holds the slides to it: a claim on a slide that is not here word for
 * word fails, naming the slide and what differs; a claim here that no slide says fails as stale.
 * Chart claims read "chart title: category, series | value" (the chart's accessible data table).
 *
 * To add or change a claim: copy the sentence from the failing test's message, then list the
 * passages (word for word from the report) that state each of its numbers with the same qualifier.
 */
import type { SourceId } from './sources'

/** A passage from the report, or from an article where the claim is about what the article said. */
export type Passage = string | { doc: SourceId, text: string }

export interface Claim {
  /** The sentence as the board reads it: numbers, qualifiers and units rendered. */
  text: string
  /** Passages, word for word from the source, that state every number in the claim. */
  passages: readonly Passage[]
  /** Derived figures the claim states (a ratio, a difference, a fall in percent): their inputs must be in the passages. */
  derived?: readonly string[]
}

export interface SlideClaims {
  slide?: readonly Claim[]
  notes?: readonly Claim[]
  /**
   * Sentences that state a finding without a number (titles, headlines): held to the strength check only,
   * with the passages whose words they must not outrun.
   */
  findings?: readonly Claim[]
}

/** Keyed by slide title. */
export type ClaimsRegister = Readonly<Record<string, SlideClaims>>

/** Passages of the report, word for word. Short, and each states the numbers it is cited for. */
const P = {
  scope: '~400,000 interactive sessions from ~235,000 people between October 2025 and April 2026',
  window: 'between October 2025 and April 2026',
  months: 'Over the seven months we observe',
  sonnet: 'All classifiers in this report use Claude Sonnet 4.6 unless otherwise noted.',
  noGoal: 'which comprise about 7.7% of our full sample',
  telemetry: 'more than 90% of sessions our classifier labeled as creating or modifying code showed code changes in the telemetry',
  decisions: 'people make about 70% of the planning decisions but only 20% of the execution decisions',
  claudeExecution: 'Claude makes about 80% of execution decisions',
  turns: 'In a typical session, there are about four such turns.',
  chain: 'a chain of around 10 actions taken by Claude on average––and sometimes over 100',
  words: 'writes on average 2,400 words of output',
  tail: 'About 2% of sessions average more than 100 actions per prompt, about 1 in 270 average more than 200, and about 1 in 2,300 average more than 500.',
  userExecution: 'When the user keeps control of execution (i.e. makes over 80% of execution decisions), Claude takes fewer actions per turn (about eight actions).',
  claudePlanning: 'it takes on the highest number of actions (about 16)',
  scale: 'on a five-point scale from novice to expert',
  novicePrompt: 'each prompt sets off about five Claude actions and roughly 600 words of output',
  expertPrompt: 'expert sessions set off action chains more than twice as long (12 actions) carrying five times the output (3,200 words)',
  perLevel: 'at +9% actions and +13% output per expertise level',
  pValue: 'Both upward trends are statistically significant (p < 0.001)',
  modesCount: 'we classify each session into one of nine work modes',
  modesCode: 'About 56% of sessions consist of writing (25%), fixing (26%), or testing and orchestrating code (5%).',
  modesOperating: 'Operating software comprises 17%',
  modesPlanning: '14% of sessions are planning or exploring',
  modesAnalysis: '13% produce analysis or prose',
  fixingShift: 'the share of sessions spent fixing broken code fell from 33% to 19%',
  operatingShift: 'Operating software grew from 14% to 21% of sessions.',
  writingShift: 'Writing and data analysis roughly doubled, from about 10% to 20% of sessions.',
  nearlyHalf: 'the share of sessions spent debugging fell by nearly half',
  valueAverage: 'the estimated value of the average session rose by 27% between October and April',
  valueKeyFindings: 'rose in almost every kind of work—about 25% on average',
  valueKinds: 'Building, operating, and fixing-type tasks all grew more valuable by roughly a third or more (about 43%, 34%, and 32% respectively).',
  success: 'A novice-rated session reaches our strictest measure, verified success, 15% of the time and at least partial success 77% of the time.',
  successUp: 'A session rated intermediate or up reaches verified success 28-33% of the time and partial success 91-92% of the time',
  threshold: 'sessions that hit trouble (failure signals > 3)',
  troubleVerified: 'Among sessions that hit trouble, the share that are verified successes rises from 4% for novice-rated sessions to 15% for expert-rated ones',
  troublePartial: 'the share of at least partial success is 60% for novice and 80-81% for intermediate through expert sessions',
  abandoned: '19% of sessions where the user appears to be a novice end abandoned, against 5-7% for everyone else',
  soc: 'mapping it to one of 23 major groups',
  inferred: 'We were able to infer occupation in about 70% of sessions.',
  occVerified: 'People in software-related occupations reach verified success in about 30% of their sessions overall, while users from other professions reach verified success about 26% of the time.',
  occCode: 'Among sessions that produce code (i.e., sessions that add or modify at least one line of code), those numbers are 34% and 29% respectively',
  occPartial: 'both groups reaching at least partial success in code-producing sessions 89% and 88% of the time, respectively',
  gapSteady: 'it has neither widened nor narrowed over seven months',
  largest: 'In code-producing sessions, every one of the ten largest occupations in our dataset lands within seven points of software engineers',
  github: 'The share of GitHub projects with coding agent activity has more than doubled since late 2025',
  githubFirst: 'detected coding-agent activity in an estimated 16-23% of projects as of the end of October 2025',
  githubRepos: 'covering 128,000 public repositories',
  hours: 'Claude Code users now spend an average of 20 hours per week using the tool',
  determined: 'success is determined by how well a person understands the problem they are trying to solve, not whether they\'re trained in coding',
  modelReading: 'all of our classifications of sessions depend on a model\'s reading of the transcript',
  divide: 'people decide what to build, and the agent decides how to build it',
  typicalSplit: 'In a typical session, people make most of the planning decisions (what to do) and Claude makes most of the execution decisions (how to do it).',
  mostGain: 'In each measure, most of the gain comes from moving from novice to intermediate',
  occHeading: 'Occupation may matter less than expertise',
  realWorld: 'we cannot measure real-world outcomes',
  judged: 'a classifier that reads the full transcript and decides whether the person succeeded in doing what they set out to do',
  usageShifted: 'usage shifted toward more end-to-end agentic use: deploying and running code, analyzing data, and writing non-code documents',
} as const

/** Passages of articles, for claims about what an article said. */
const A = {
  briefTitle: { doc: 'workforceBrief', text: 'What Anthropic\'s 400,000-Session Study Actually Tells Engineering Teams About Expertise, Agentic AI, and Workforce Risk' },
  briefSuccess: { doc: 'workforceBrief', text: 'experts achieve ~91% task success vs. ~15% for novices' },
  briefDebugging: { doc: 'workforceBrief', text: 'A roughly 50% reduction in debugging sessions over seven months' },
  briefValue: { doc: 'workforceBrief', text: 'approximately 25% per the full paper' },
  briefQuestions: { doc: 'workforceBrief', text: 'Five assessment questions for engineering managers and compliance teams before acting on this data for workforce planning' },
  commentaryDoubled: { doc: 'commentary', text: 'Writing and data analysis each roughly doubled.' },
} as const satisfies Record<string, Passage>

export const REGISTER: ClaimsRegister = {
  'Coding agents: in Anthropic’s study, success went with understanding the problem, not coding skill': {
    slide: [
      {
        text: 'Board paper · Evidence from Anthropic\'s study of about 400,000 Claude Code sessions from about 235,000 people who chose to use it',
        passages: [P.scope],
      },
    ],
    findings: [
      {
        text: 'Coding agents: in Anthropic’s study, success went with understanding the problem, not coding skill',
        passages: [P.determined],
      },
    ],
  },
  'The study observed people who chose the tool, through a model’s reading of their sessions': {
    slide: [
      {
        text: 'The study read about 400,000 interactive sessions from about 235,000 people who chose to use Claude Code, between October 2025 and April 2026: in a terminal, on Claude.ai or in its desktop app.',
        passages: [P.scope],
      },
      {
        text: 'A model (Claude Sonnet 4.6) read each transcript and labelled its kind of work, the person’s expertise at that task, their occupation and whether the session succeeded.',
        passages: [P.sonnet],
      },
      {
        text: 'Sessions with no clear goal (about 7.7% of the sample) are left out of the success figures.',
        passages: [P.noGoal],
      },
    ],
    findings: [
      {
        text: 'The study observed people who chose the tool, through a model’s reading of their sessions',
        passages: [P.modelReading],
      },
      {
        text: 'Judged success: the model, reading the whole transcript, decides the person got what they set out to do.',
        passages: [P.judged],
      },
    ],
  },
  'People decided what to build; the agent decided how to build it': {
    slide: [
      {
        text: 'Who makes the decisions in a typical session: the person or Claude: Planning (what to do), Person | about 70%',
        passages: [P.decisions],
      },
      {
        text: 'Who makes the decisions in a typical session: the person or Claude: Planning (what to do), Claude | about 30%',
        passages: [P.decisions],
        derived: ['decisions.planning.claude'],
      },
      {
        text: 'Who makes the decisions in a typical session: the person or Claude: Execution (how to do it), Person | 20%',
        passages: [P.decisions],
      },
      {
        text: 'Who makes the decisions in a typical session: the person or Claude: Execution (how to do it), Claude | about 80%',
        passages: [P.claudeExecution],
      },
    ],
    findings: [
      {
        text: 'People decided what to build; the agent decided how to build it',
        passages: [P.divide],
      },
      {
        text: 'In the typical session, people made most planning decisions and the agent most execution decisions.',
        passages: [P.typicalSplit],
      },
    ],
  },
  'Success rose with rated expertise, mostly from novice to intermediate': {
    slide: [
      {
        text: 'Sessions rated intermediate or above reached verified success 28–33% of the time, novice-rated ones 15%.',
        passages: [P.successUp, P.success],
      },
      {
        text: 'Share of sessions that succeed, by rated expertise: Verified success, Novice | 15%',
        passages: [P.success],
      },
      {
        text: 'Share of sessions that succeed, by rated expertise: At least partial success, Novice | 77%',
        passages: [P.success],
      },
      {
        text: 'Share of sessions that succeed, by rated expertise: Verified success, Intermediate or above | 28–33%',
        passages: [P.successUp],
      },
      {
        text: 'Share of sessions that succeed, by rated expertise: At least partial success, Intermediate or above | 91–92%',
        passages: [P.successUp],
      },
      {
        text: 'Expert-rated prompts also set off more work: more than twice the actions and five times the output of novice-rated ones before controls; with controls, +9% actions and +13% output for each step up the five-point scale.',
        passages: [P.expertPrompt, P.perLevel, P.scale],
      },
    ],
    findings: [
      {
        text: 'Success rose with rated expertise, mostly from novice to intermediate',
        passages: [P.mostGain],
      },
    ],
  },
  'Occupation may matter less than expertise': {
    slide: [
      {
        text: 'In code-producing sessions every one of the 10 largest occupations came within seven percentage points of software-related occupations.',
        passages: [P.largest],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: Verified, sessions overall, Software-related occupations | about 30%',
        passages: [P.occVerified],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: Verified, code-producing, Software-related occupations | 34%',
        passages: [P.occCode],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: At least partial, code-producing, Software-related occupations | 89%',
        passages: [P.occPartial],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: Verified, sessions overall, Other occupations | about 26%',
        passages: [P.occVerified],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: Verified, code-producing, Other occupations | 29%',
        passages: [P.occCode],
      },
      {
        text: 'Verified and partial success, software-related vs other occupations: At least partial, code-producing, Other occupations | 88%',
        passages: [P.occPartial],
      },
      {
        text: 'Occupation was inferred in about 70% of sessions, from the US government’s standard list of major occupation groups.',
        passages: [P.inferred],
      },
    ],
    notes: [
      {
        text: 'The gap is small and, per the report, did not change over the seven months.',
        passages: [P.gapSteady],
      },
    ],
    findings: [
      {
        text: 'Occupation may matter less than expertise',
        passages: [P.occHeading],
      },
    ],
  },
  'What the study does not show': {
    findings: [
      {
        text: 'What the study does not show',
        passages: [P.realWorld],
      },
    ],
  },
  'In the study, expert-rated prompts set off longer chains of work': {
    slide: [
      {
        text: 'Before controls, an expert-rated prompt set off more than twice the actions and five times the output of a novice-rated one; with controls, each step up the scale brought +9% actions and +13% output.',
        passages: [P.expertPrompt, P.perLevel],
      },
      {
        text: 'Claude actions per prompt, novice and expert sessions: Novice | about 5 actions',
        passages: [P.novicePrompt],
      },
      {
        text: 'Claude actions per prompt, novice and expert sessions: Expert | 12 actions',
        passages: [P.expertPrompt],
      },
      {
        text: 'Words of output per prompt, novice and expert sessions: Novice | roughly 600 words',
        passages: [P.novicePrompt],
      },
      {
        text: 'Words of output per prompt, novice and expert sessions: Expert | 3,200 words',
        passages: [P.expertPrompt],
      },
      {
        text: 'Claude actions per turn, by who holds control: Person keeps execution | about 8 actions',
        passages: [P.userExecution],
      },
      {
        text: 'Claude actions per turn, by who holds control: Claude takes over planning | about 16 actions',
        passages: [P.claudePlanning],
      },
      {
        text: 'Before controls, both rises are statistically significant (p < 0.001: a trend this strong would arise by chance less than once in a thousand times if there were none), and they remain significant with controls for work mode, task value, month, occupation and model.',
        passages: [P.pValue],
      },
    ],
    findings: [
      {
        text: 'In the study, expert-rated prompts set off longer chains of work',
        passages: [P.expertPrompt],
      },
    ],
  },
  'In troubled sessions, novice-rated ones were abandoned more often': {
    slide: [
      {
        text: 'Novice-rated sessions were abandoned in 19% of troubled sessions; everyone above novice, 5–7%.',
        passages: [P.abandoned],
      },
      {
        text: 'How sessions that hit trouble end, by rated expertise: At least partial success, Novice | 60%',
        passages: [P.troublePartial],
      },
      {
        text: 'How sessions that hit trouble end, by rated expertise: Abandoned, Novice | 19%',
        passages: [P.abandoned],
      },
      {
        text: 'How sessions that hit trouble end, by rated expertise: At least partial success, Above novice | 80–81%',
        passages: [P.troublePartial],
      },
      {
        text: 'How sessions that hit trouble end, by rated expertise: Abandoned, Above novice | 5–7%',
        passages: [P.abandoned],
      },
      {
        text: 'Verified success: novice-rated troubled sessions reached it in 4% of cases, expert-rated ones in 15%; with no rate in between, the chart leaves it out.',
        passages: [P.troubleVerified],
      },
    ],
    findings: [
      {
        text: 'In troubled sessions, novice-rated ones were abandoned more often',
        passages: [P.abandoned],
      },
    ],
  },
  'Most sessions wrote, fixed or tested code; the rest operated software, planned, analysed or wrote': {
    slide: [
      {
        text: 'Writing, fixing and testing code made up about 56% of sessions.',
        passages: [P.modesCode],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Fixing | 26%',
        passages: [P.modesCount, P.modesCode],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Building | 25%',
        passages: [P.modesCount, P.modesCode],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Operating | 17%',
        passages: [P.modesCount, P.modesOperating],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Planning and understanding | 14%',
        passages: [P.modesCount, P.modesPlanning],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Analysing and communicating | 13%',
        passages: [P.modesCount, P.modesAnalysis],
      },
      {
        text: 'Share of sessions by work mode, as the report groups the nine modes: Testing and orchestrating | 5%',
        passages: [P.modesCount, P.modesCode],
      },
    ],
    notes: [
      {
        text: 'The report classifies each session into one of nine work modes, and reports their shares in the groups shown here: testing and orchestrating together, planning and understanding together, analysing and communicating together.',
        passages: [P.modesCount],
      },
      {
        text: 'Likely question: "Why not the nine separately?" Answer: the report\'s text gives them in these groups; we do not invent a split it does not publish.',
        passages: [P.modesCount],
      },
    ],
    findings: [
      {
        text: 'Most sessions wrote, fixed or tested code; the rest operated software, planned, analysed or wrote',
        passages: [P.modesCode],
      },
    ],
  },
  'The work moved from fixing code towards operating software, analysis and writing': {
    slide: [
      {
        text: 'The share of sessions fixing broken code fell from 33% to 19%; the estimated value of the average session rose.',
        passages: [P.fixingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Fixing code, Oct 2025 | 33%',
        passages: [P.window, P.fixingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Fixing code, Apr 2026 | 19%',
        passages: [P.window, P.fixingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Operating, Oct 2025 | 14%',
        passages: [P.window, P.operatingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Operating, Apr 2026 | 21%',
        passages: [P.window, P.operatingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Writing, analysis, Oct 2025 | about 10%',
        passages: [P.window, P.writingShift],
      },
      {
        text: 'Share of sessions by kind of work, October 2025 and April 2026: Writing, analysis, Apr 2026 | about 20%',
        passages: [P.window, P.writingShift],
      },
      {
        text: 'Rise in estimated task value, October to April, by kind of work: Building | about +43%',
        passages: [P.valueKinds],
      },
      {
        text: 'Rise in estimated task value, October to April, by kind of work: Operating | about +34%',
        passages: [P.valueKinds],
      },
      {
        text: 'Rise in estimated task value, October to April, by kind of work: Fixing | about +32%',
        passages: [P.valueKinds],
      },
      {
        text: 'Rise in estimated task value, October to April, by kind of work: Average session | +27%',
        passages: [P.valueAverage],
      },
      {
        text: 'Its body gives the average rise as 27%, its Key Findings as about 25%.',
        passages: [P.valueAverage, P.valueKeyFindings],
      },
    ],
    notes: [
      {
        text: 'Left: the mix of work over seven months.',
        passages: [P.months],
      },
      {
        text: 'The share of sessions fixing broken code fell by nearly half; operating software and writing-and-analysis grew.',
        passages: [P.nearlyHalf],
      },
    ],
    findings: [
      {
        text: 'The work moved from fixing code towards operating software, analysis and writing',
        passages: [P.usageShifted],
      },
    ],
  },
  'Numbers in circulation, beside the report': {
    slide: [
      {
        text: 'experts achieve ~91% task success vs. ~15% for novices Tech Jack Solutions, “What Anthropic\'s 400,000-Session Study Actually Tells Engineering Teams About Expertise, Agentic AI, and Workforce Risk” | At least partial success, sessions rated intermediate or above: 91–92% At least partial success, novice-rated sessions: 77% Verified success, sessions rated intermediate or above: 28–33% Verified success, novice-rated sessions: 15% Sets a partial-success rate for sessions rated intermediate or above beside a verified-success rate for novice-rated ones.',
        passages: [
          A.briefSuccess,
          A.briefTitle,
          P.successUp,
          P.success,
        ],
      },
      {
        text: 'A roughly 50% reduction in debugging sessions over seven months Tech Jack Solutions, “What Anthropic\'s 400,000-Session Study Actually Tells Engineering Teams About Expertise, Agentic AI, and Workforce Risk” | Fixing broken code, share of sessions, October 2025: 33% Fixing broken code, share of sessions, April 2026: 19% The report gives a falling share of sessions (“nearly half”), not fewer debugging sessions; the article reads it as a fall in number, and rounds it up.',
        passages: [
          A.briefDebugging,
          A.briefTitle,
          P.window,
          P.fixingShift,
          P.nearlyHalf,
        ],
      },
      {
        text: 'approximately 25% per the full paper Tech Jack Solutions, “What Anthropic\'s 400,000-Session Study Actually Tells Engineering Teams About Expertise, Agentic AI, and Workforce Risk” | Rise in the estimated value of the average session, October to April: +27% Rise in the value of the typical task, as the Key Findings round it: about +25% Matches the report’s Key Findings; the report’s body gives the other figure. Both are the report’s own.',
        passages: [
          A.briefValue,
          A.briefTitle,
          P.valueAverage,
          P.valueKeyFindings,
        ],
      },
      {
        text: 'Writing and data analysis each roughly doubled. Untitled commentary on the report (our copy names no publisher) | Writing and data analysis, share of sessions, October 2025: about 10% Writing and data analysis, share of sessions, April 2026: about 20% The report gives writing and data analysis together, not each on its own.',
        passages: [A.commentaryDoubled, P.window, P.writingShift],
      },
    ],
  },
  'Collaboration: write down what the agent may do on its own': {
    slide: [
      {
        text: 'about 70% Planning decisions made by the person',
        passages: [P.decisions],
      },
      {
        text: 'about 80% Execution decisions made by Claude',
        passages: [P.claudeExecution],
      },
      {
        text: 'about 16 actions Actions per turn when Claude takes over planning',
        passages: [P.claudePlanning],
      },
      {
        text: 'People made about 70% of planning decisions; the agent made about 80% of execution decisions.',
        passages: [P.decisions, P.claudeExecution],
      },
      {
        text: 'The agent took about 16 actions per turn when it took over planning, against about eight actions when the person kept execution.',
        passages: [P.claudePlanning, P.userExecution],
      },
    ],
  },
  'Scalability: start with the people who know each function\'s problems': {
    slide: [
      {
        text: '34% Verified success, software-related occupations, code-producing sessions',
        passages: [P.occCode],
      },
      {
        text: '29% Verified success, other occupations, code-producing sessions',
        passages: [P.occCode],
      },
      {
        text: 'Verified success: about 30% for software-related occupations, about 26% for other occupations.',
        passages: [P.occVerified],
      },
      {
        text: 'In code-producing sessions each of the 10 largest occupations came within seven percentage points of software-related occupations.',
        passages: [P.largest],
      },
    ],
  },
  'Coaching: a hypothesis the pilot tests, not a finding': {
    slide: [
      {
        text: '15% Verified success, novice-rated sessions',
        passages: [P.success],
      },
      {
        text: '28–33% Verified success, sessions rated intermediate or above',
        passages: [P.successUp],
      },
      {
        text: 'Verified success: 15% for novice-rated sessions, 28–33% for those rated intermediate or above.',
        passages: [P.success, P.successUp],
      },
      {
        text: 'At least partial success: 77% against 91–92%.',
        passages: [P.success, P.successUp],
      },
    ],
  },
  'Safety: agent work counts as done only with evidence and review': {
    slide: [
      {
        text: '19% Troubled sessions abandoned, novice',
        passages: [P.abandoned],
      },
      {
        text: '5–7% Troubled sessions abandoned, everyone above novice',
        passages: [P.abandoned],
      },
      {
        text: '15% Troubled sessions still reaching verified success, expert',
        passages: [P.troubleVerified],
      },
      {
        text: 'When sessions hit trouble, novice-rated ones were abandoned in 19% of cases and reached verified success in 4%; expert-rated ones reached it in 15%.',
        passages: [P.abandoned, P.troubleVerified],
      },
    ],
  },
  'Growth: expect agent work beyond fixing code, within the approved cap': {
    slide: [
      {
        text: '19% Fixing broken code, share of sessions, April 2026',
        passages: [P.window, P.fixingShift],
      },
      {
        text: '21% Operating software, share of sessions, April 2026',
        passages: [P.window, P.operatingShift],
      },
      {
        text: 'about 20% Writing and data analysis, share of sessions, April 2026',
        passages: [P.window, P.writingShift],
      },
      {
        text: 'Across the study’s users, the share of sessions fixing code fell from 33% to 19% while operating software rose from 14% to 21%, and writing and analysis from about 10% to about 20%.',
        passages: [P.fixingShift, P.operatingShift, P.writingShift],
      },
    ],
  },
  'What the study\'s rates would mean here: an illustration, not a forecast': {
    slide: [
      {
        text: 'Verified success: novice 15%, intermediate or above 28–33%',
        passages: [P.success, P.successUp],
      },
      {
        text: 'At least partial: novice 77%, intermediate or above 91–92%',
        passages: [P.success, P.successUp],
      },
      {
        text: 'Abandoned when in trouble: novice 19%, intermediate or above 5–7%',
        passages: [P.abandoned],
      },
    ],
  },
  'Five questions before using this for workforce planning': {
    slide: [
      {
        text: 'Five questions before using this for workforce planning',
        passages: [A.briefQuestions],
      },
    ],
  },
  'Appendix: every figure, with its source (scope and decisions)': {
    slide: [
      {
        text: 'Interactive Claude Code sessions analysed | about 400,000',
        passages: [P.scope],
      },
      {
        text: 'People whose sessions were analysed | about 235,000',
        passages: [P.scope],
      },
      {
        text: 'Months observed (October 2025 to April 2026) | 7 months',
        passages: [P.window, P.months],
      },
      {
        text: 'Sessions with “no clear goal”, excluded from success analysis | about 7.7%',
        passages: [P.noGoal],
      },
      {
        text: 'Sessions labelled as changing code that showed code changes in telemetry | more than 90%',
        passages: [P.telemetry],
      },
      {
        text: 'Points on the expertise scale (novice to expert) | 5',
        passages: [P.scale],
      },
      {
        text: 'Planning decisions made by the person | about 70%',
        passages: [P.decisions],
      },
      {
        text: 'Planning decisions made by Claude | about 30% = 100 − 70',
        passages: [P.decisions],
        derived: ['decisions.planning.claude'],
      },
      {
        text: 'Execution decisions made by the person | 20%',
        passages: [P.decisions],
      },
      {
        text: 'Execution decisions made by Claude | about 80%',
        passages: [P.claudeExecution],
      },
      {
        text: 'Prompt-and-action turns in a typical session | about 4 turns',
        passages: [P.turns],
      },
      {
        text: 'Claude actions per prompt, on average | around 10 actions',
        passages: [P.chain],
      },
      {
        text: 'Claude actions per prompt, in the long tail | over 100 actions',
        passages: [P.chain],
      },
      {
        text: 'Sessions averaging more than 100 actions per prompt | about 2%',
        passages: [P.tail],
      },
      {
        text: 'Sessions averaging more than 200 actions per prompt | about 1 in 270',
        passages: [P.tail],
      },
      {
        text: 'Sessions averaging more than 500 actions per prompt | about 1 in 2,300',
        passages: [P.tail],
      },
      {
        text: 'Words of output Claude writes per turn, on average | 2,400 words',
        passages: [P.words],
      },
      {
        text: 'Actions per turn when the person keeps execution | about 8 actions',
        passages: [P.userExecution],
      },
      {
        text: 'Actions per turn when Claude takes over planning | about 16 actions',
        passages: [P.claudePlanning],
      },
      {
        text: 'Share of decisions that counts as “taking control” | over 80%',
        passages: [P.userExecution],
      },
    ],
  },
  'Appendix: expertise and work modes': {
    slide: [
      {
        text: 'Claude actions per prompt, novice sessions | about 5 actions',
        passages: [P.novicePrompt],
      },
      {
        text: 'Words of output per prompt, novice sessions | roughly 600 words',
        passages: [P.novicePrompt],
      },
      {
        text: 'Claude actions per prompt, expert sessions | 12 actions',
        passages: [P.expertPrompt],
      },
      {
        text: 'Words of output per prompt, expert sessions | 3,200 words',
        passages: [P.expertPrompt],
      },
      {
        text: 'Expert vs novice actions per prompt, as the report puts it | more than 2×',
        passages: [P.expertPrompt],
      },
      {
        text: 'Expert vs novice words of output per prompt, as the report puts it | 5×',
        passages: [P.expertPrompt],
      },
      {
        text: 'Expert vs novice actions per prompt, computed from the report’s figures | about 2.4× = 12 ÷ 5',
        passages: [P.expertPrompt, P.novicePrompt],
        derived: ['expertise.actionsRatio'],
      },
      {
        text: 'Expert vs novice words per prompt, computed from the report’s figures | about 5.3× = 3,200 ÷ 600',
        passages: [P.expertPrompt, P.novicePrompt],
        derived: ['expertise.wordsRatio'],
      },
      {
        text: 'More actions per prompt for each step up in expertise, with controls | +9%',
        passages: [P.perLevel],
      },
      {
        text: 'More output per prompt for each step up in expertise, with controls | +13%',
        passages: [P.perLevel],
      },
      {
        text: 'Statistical significance of the expertise trends | p < 0.001',
        passages: [P.pValue],
      },
      {
        text: 'Work modes each session is classified into | 9',
        passages: [P.modesCount],
      },
      {
        text: 'Sessions writing or maintaining code (building, fixing, testing, orchestrating) | about 56%',
        passages: [P.modesCode],
      },
      {
        text: 'Building (writing new code) | 25%',
        passages: [P.modesCode],
      },
      {
        text: 'Fixing broken code | 26%',
        passages: [P.modesCode],
      },
      {
        text: 'Testing and orchestrating code | 5%',
        passages: [P.modesCode],
      },
      {
        text: 'Operating software (deploy, configure, run, monitor) | 17%',
        passages: [P.modesOperating],
      },
      {
        text: 'Planning and understanding (exploring) | 14%',
        passages: [P.modesPlanning],
      },
      {
        text: 'Analysing data and communicating (prose) | 13%',
        passages: [P.modesAnalysis],
      },
    ],
  },
  'Appendix: the work shift, task value and success': {
    slide: [
      {
        text: 'Fixing broken code, share of sessions, October 2025 | 33%',
        passages: [P.window, P.fixingShift],
      },
      {
        text: 'Fixing broken code, share of sessions, April 2026 | 19%',
        passages: [P.window, P.fixingShift],
      },
      {
        text: 'Relative fall in the share of fixing sessions | −42% = (19 − 33) ÷ 33 × 100',
        passages: [P.fixingShift],
        derived: ['shift.fixing.relativeDecline'],
      },
      {
        text: 'Operating software, share of sessions, October 2025 | 14%',
        passages: [P.window, P.operatingShift],
      },
      {
        text: 'Operating software, share of sessions, April 2026 | 21%',
        passages: [P.window, P.operatingShift],
      },
      {
        text: 'Writing and data analysis, share of sessions, October 2025 | about 10%',
        passages: [P.window, P.writingShift],
      },
      {
        text: 'Writing and data analysis, share of sessions, April 2026 | about 20%',
        passages: [P.window, P.writingShift],
      },
      {
        text: 'Rise in the estimated value of the average session, October to April | +27%',
        passages: [P.valueAverage],
      },
      {
        text: 'Rise in the value of the typical task, as the Key Findings round it | about +25%',
        passages: [P.valueKeyFindings],
      },
      {
        text: 'Rise in estimated value, building tasks | about +43%',
        passages: [P.valueKinds],
      },
      {
        text: 'Rise in estimated value, operating tasks | about +34%',
        passages: [P.valueKinds],
      },
      {
        text: 'Rise in estimated value, fixing tasks | about +32%',
        passages: [P.valueKinds],
      },
      {
        text: 'Verified success, novice-rated sessions | 15%',
        passages: [P.success],
      },
      {
        text: 'At least partial success, novice-rated sessions | 77%',
        passages: [P.success],
      },
      {
        text: 'Verified success, sessions rated intermediate or above | 28–33%',
        passages: [P.successUp],
      },
      {
        text: 'At least partial success, sessions rated intermediate or above | 91–92%',
        passages: [P.successUp],
      },
    ],
  },
  'Appendix: trouble and occupations': {
    slide: [
      {
        text: 'Failure-signal score above which a session “hits trouble” | more than 3',
        passages: [P.threshold],
      },
      {
        text: 'Troubled sessions still reaching verified success, novice | 4%',
        passages: [P.troubleVerified],
      },
      {
        text: 'Troubled sessions still reaching verified success, expert | 15%',
        passages: [P.troubleVerified],
      },
      {
        text: 'Troubled sessions reaching at least partial success, novice | 60%',
        passages: [P.troublePartial],
      },
      {
        text: 'Troubled sessions reaching at least partial success, intermediate or above | 80–81%',
        passages: [P.troublePartial],
      },
      {
        text: 'Troubled sessions abandoned, novice | 19%',
        passages: [P.abandoned],
      },
      {
        text: 'Troubled sessions abandoned, everyone above novice | 5–7%',
        passages: [P.abandoned],
      },
      {
        text: 'Major occupation groups in the SOC taxonomy | 23',
        passages: [P.soc],
      },
      {
        text: 'Sessions in which an occupation could be inferred | about 70%',
        passages: [P.inferred],
      },
      {
        text: 'Verified success, software-related occupations, sessions overall | about 30%',
        passages: [P.occVerified],
      },
      {
        text: 'Verified success, other occupations, sessions overall | about 26%',
        passages: [P.occVerified],
      },
      {
        text: 'Verified success, software-related occupations, code-producing sessions | 34%',
        passages: [P.occCode],
      },
      {
        text: 'Verified success, other occupations, code-producing sessions | 29%',
        passages: [P.occCode],
      },
      {
        text: 'Gap in verified success, code-producing sessions, software vs other occupations | 5 percentage points = 34 − 29',
        passages: [P.occCode],
        derived: ['occupation.codeGap'],
      },
      {
        text: 'At least partial success, software-related occupations, code-producing sessions | 89%',
        passages: [P.occPartial],
      },
      {
        text: 'At least partial success, other occupations, code-producing sessions | 88%',
        passages: [P.occPartial],
      },
      {
        text: 'Largest occupation groups compared with software-related occupations | 10',
        passages: [P.largest],
      },
      {
        text: 'Largest gap in success between any of the ten largest occupations and software-related occupations | within 7 percentage points',
        passages: [P.largest],
      },
    ],
  },
  'Appendix: context and numbers in circulation': {
    slide: [
      {
        text: 'Growth in the share of GitHub projects with coding-agent activity since late 2025 | more than 2×',
        passages: [P.github],
      },
      {
        text: 'Public projects with detected coding-agent activity, end of October 2025 | 16–23%',
        passages: [P.githubFirst],
      },
      {
        text: 'Public repositories covered by the first GitHub study | 128,000',
        passages: [P.githubRepos],
      },
      {
        text: 'Average weekly hours Claude Code runs per user | 20 hours a week',
        passages: [P.hours],
      },
      {
        text: 'Article: “task success” for experts | about 91%',
        passages: [A.briefSuccess],
      },
      {
        text: 'Article: “task success” for novices | about 15%',
        passages: [A.briefSuccess],
      },
      {
        text: 'Article: fall in debugging sessions | roughly 50%',
        passages: [A.briefDebugging],
      },
      {
        text: 'Article: rise in task value, “per the full paper” | about +25%',
        passages: [A.briefValue],
      },
      {
        text: 'Article: writing and data analysis “each roughly doubled” | roughly 2×',
        passages: [A.commentaryDoubled],
      },
    ],
  },
}
