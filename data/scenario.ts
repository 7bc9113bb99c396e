/**
 * "What the study's rates would mean here": the company's own assumptions for the what-if slide, and the pure
 * calculation that turns them, with the study's rates, into sessions per week.
 * The defaults are an illustration for the board, not a forecast; the study's rates come from the
 * figures module, never retyped here.
 */
import type { FigureId } from './types'
import { figure } from './index'
import { ends } from './value'

export interface Scenario {
  /** People who will direct coding agents. */
  people: number
  /** Agent sessions each person runs in a week. */
  sessionsPerPerson: number
  /** Share of those sessions done at novice level today, 0–100 (the rest at intermediate or above). */
  noviceShare: number
  /** The training programme: share of novice-level work moved to intermediate, 0–100. */
  trainingShift: number
  /** Share of sessions that hit trouble, 0–100: the company's own assumption (the study does not report it), or null when not set. */
  troubleShare: number | null
}

export type ScenarioKey = keyof Scenario

export const DEFAULT_SCENARIO: Readonly<Scenario> = {
  people: 250,
  sessionsPerPerson: 8,
  noviceShare: 40,
  trainingShift: 50,
  troubleShare: null,
}

export interface Limit {
  min: number
  max: number
  step: number
  label: string
  unit: string
  /** Short name in the URL query. */
  param: string
  /** The slider's top end where the field allows more (a slider to 100,000 people is unusable). */
  sliderMax?: number
}

export const LIMITS: Readonly<Record<ScenarioKey, Limit>> = {
  people: {
    min: 0,
    max: 100_000,
    step: 1,
    label: 'People directing coding agents',
    unit: 'people',
    param: 'people',
    sliderMax: 2_000,
  },
  sessionsPerPerson: {
    min: 0,
    max: 100,
    step: 1,
    label: 'Sessions per person per week',
    unit: 'sessions',
    param: 'spp',
  },
  noviceShare: {
    min: 0,
    max: 100,
    step: 1,
    label: 'Sessions at novice level today (our assumption)',
    unit: '%',
    param: 'novice',
  },
  trainingShift: {
    min: 0,
    max: 100,
    step: 1,
    label: 'Novice-level work coaching moves to intermediate or above (our assumption)',
    unit: '%',
    param: 'training',
  },
  troubleShare: {
    min: 0,
    max: 100,
    step: 1,
    label: 'Sessions that hit trouble (our assumption)',
    unit: '%',
    param: 'trouble',
  },
}

/** The study's adjusted rates, read from the figures module, as fractions. */
export interface Rates {
  noviceVerified: number
  skilledVerified: Range
  novicePartial: number
  skilledPartial: Range
  noviceAbandoned: number
  skilledAbandoned: Range
}

export type Range = readonly [lo: number, hi: number]

function share(id: FigureId) {
  const v = figure(id).value
  if (typeof v !== 'number')
    throw new TypeError(`Figure "${id}" should be a single rate for the what-if slide`)
  return v / 100
}
const shareRange = (id: FigureId): Range => ends(figure(id).value).map(x => x / 100) as unknown as Range

export function studyRates(): Rates {
  return {
    noviceVerified: share('success.novice.verified'),
    skilledVerified: shareRange('success.intermediatePlus.verified'),
    novicePartial: share('success.novice.partial'),
    skilledPartial: shareRange('success.intermediatePlus.partial'),
    noviceAbandoned: share('trouble.novice.abandoned'),
    skilledAbandoned: shareRange('trouble.intermediatePlus.abandoned'),
  }
}

export interface Outcome {
  sessions: number
  verified: Range
  partial: Range
  /** Abandoned troubled sessions; null when the trouble share is not set. */
  abandoned: Range | null
}

/** Sessions per week at a given novice share: novice-level sessions at the novice rate, the rest at the intermediate-or-above range. */
function outcome(s: Scenario, noviceShare: number, r: Rates): Outcome {
  const sessions = s.people * s.sessionsPerPerson
  const novice = (sessions * noviceShare) / 100
  const skilled = sessions - novice
  const mix = (n: number, k: Range): Range => [novice * n + skilled * k[0], novice * n + skilled * k[1]]
  const trouble = s.troubleShare === null
    ? null
    : s.troubleShare / 100
  return {
    sessions,
    verified: mix(r.noviceVerified, r.skilledVerified),
    partial: mix(r.novicePartial, r.skilledPartial),
    abandoned: trouble === null
      ? null
      : [novice * trouble * r.noviceAbandoned + skilled * trouble * r.skilledAbandoned[0], novice * trouble * r.noviceAbandoned + skilled * trouble * r.skilledAbandoned[1]],
  }
}

/** Today, and after the training programme moves `trainingShift`% of novice-level work to intermediate. */
export function projectScenario(s: Scenario, r: Rates = studyRates()): { today: Outcome, after: Outcome } {
  const afterNovice = s.noviceShare * (1 - s.trainingShift / 100)
  return {
    today: outcome(s, s.noviceShare, r),
    after: outcome(s, afterNovice, r),
  }
}

export interface Parsed {
  value: number | null
  /** Shown next to the input when the entry was clamped or refused; never NaN on screen. */
  message: string | null
}

/**
 * Reads one input. Out-of-range numbers are clamped with a message; non-numbers are refused with a
 * message and the previous value kept. An empty trouble share means "not set".
 */
export function parseInput(key: ScenarioKey, raw: string | number | null | undefined, previous: number | null): Parsed {
  const limit = LIMITS[key]
  const text = raw === null || raw === undefined
    ? ''
    : String(raw).trim()
  if (text === '' && key === 'troubleShare')
    return { value: null, message: null }
  const n = Number(text)
  if (text === '' || !Number.isFinite(n)) {
    return { value: previous, message: `“${text}” is not a number; kept ${previous ?? 'not set'}.` }
  }
  // "+ 0" turns -0 (typed, or rounded from -0.4) into 0: never "-0 people" on screen.
  const whole = (limit.step >= 1
    ? Math.round(n)
    : n) + 0
  if (whole < limit.min)
    return { value: limit.min, message: `${limit.label} cannot be below ${limit.min}; using ${limit.min}.` }
  if (whole > limit.max)
    return { value: limit.max, message: `${limit.label} cannot exceed ${limit.max}; using ${limit.max}.` }
  return { value: whole, message: null }
}

/** The scenario from a URL query (?people=…&spp=…), defaults for anything missing or unreadable. */
export function scenarioFromQuery(query: Record<string, unknown>, defaults: Readonly<Scenario> = DEFAULT_SCENARIO): Scenario {
  return readScenarioQuery(query, defaults).scenario
}

/** "Sessions at novice level today (our assumption)" → "sessions at novice level today", to sit inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\s*\(our assumption\)$/, '')

/**
 * The scenario from a shared link, and, for each value the link gave that the slide could not use as it
 * stood, a sentence saying so politely: what the link said and what the slide uses instead.
 */
export function readScenarioQuery(query: Record<string, unknown>, defaults: Readonly<Scenario> = DEFAULT_SCENARIO): { scenario: Scenario, notes: Partial<Record<ScenarioKey, string>> } {
  const scenario: Scenario = { ...defaults }
  const notes: Partial<Record<ScenarioKey, string>> = {}
  for (const key of Object.keys(LIMITS) as ScenarioKey[]) {
    const { param, label } = LIMITS[key]
    const raw = query[param]
    if (raw === undefined)
      continue
    const fallback = defaults[key] ?? 'not set'
    if (Array.isArray(raw)) {
      notes[key] = `The link gave “${param}” more than once, so this slide ignored it and uses ${fallback} for ${lowerFirst(label)}.`
      continue
    }
    // A parameter with no value ("?trouble", read as null) is an empty one: for the trouble share, "off".
    const text = raw === null
      ? ''
      : String(raw).trim()
    const parsed = parseInput(key, text, defaults[key])
    ;(scenario as Record<ScenarioKey, number | null>)[key] = parsed.value
    if (parsed.message) {
      notes[key] = Number.isFinite(Number(text)) && text !== ''
        ? `The link asked for ${text} (${lowerFirst(label)}), outside what this slide takes, so it uses ${parsed.value} instead.`
        : `The link’s value for ${lowerFirst(label)}, “${text}”, is not a number, so this slide ignored it and uses ${fallback}.`
    }
  }
  return { scenario, notes }
}

/** The query that restores a scenario: only what differs from the defaults. */
export function scenarioToQuery(s: Scenario, defaults: Readonly<Scenario> = DEFAULT_SCENARIO): Record<string, string> {
  const q: Record<string, string> = {}
  for (const key of Object.keys(LIMITS) as ScenarioKey[]) {
    if (s[key] !== defaults[key]) {
      q[LIMITS[key].param] = s[key] === null
        ? ''
        : String(s[key])
    }
  }
  return q
}
