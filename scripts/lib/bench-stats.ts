// The benchmark's arithmetic: medians, ratios to a baseline, the budget check and the table.
// Pure functions, unit-tested in tests/bench.test.ts.

export type Unit = 'ms' | 'bytes' | 'count'
/** One measure's samples: the deck's and each baseline's. */
export interface Samples { unit: Unit | string, [subject: string]: number[] | string }
export interface Row { measure: string, unit: Unit | string, baselineName: string, deck: number, baseline: number, ratio: number, budget: number | null, ok: boolean }

export function median(values: number[]): number {
  const xs = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b)
  if (!xs.length)
    throw new Error('median of no values')
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2
    ? xs[mid]
    : (xs[mid - 1] + xs[mid]) / 2
}

export function ratio(deck: number, baseline: number): number {
  if (!(baseline > 0))
    throw new Error(`ratio needs a positive baseline, got ${baseline}`)
  return deck / baseline
}

/**
 * One row per measure: the deck's and the baseline's medians (`baseline` names the samples compared
 * against: "starter" or "empty"; `label` is how the table and messages name it), their ratio, the
 * budget (a maximum ratio, or null for measures reported without one) and whether it holds.
 */
export function summarise(samples: Record<string, Samples>, budgets: Record<string, number>, baseline = 'starter', label = baseline): Row[] {
  return Object.entries(samples).map(([measure, s]) => {
    const d = median(s.deck as number[])
    const b = median(s[baseline] as number[])
    const r = ratio(d, b)
    const budget = budgets[measure] ?? null
    return {
      measure,
      unit: s.unit,
      baselineName: label,
      deck: d,
      baseline: b,
      ratio: r,
      budget,
      ok: budget === null
        ? true
        : r <= budget,
    }
  })
}

/** The measures whose ratio is over budget, by name. */
export function missedBudgets(rows: Row[]): string[] {
  return rows.filter(r => !r.ok).map(r => `${r.measure}: ${r.ratio.toFixed(2)}× the ${r.baselineName}, budget ${r.budget}×`)
}

/**
 * Budgets missed, split by what they mean. On a busy machine (other work took the cores while it ran) a time is
 * the machine's as much as the deck's: a time over budget is then reported as `slow`, never as a failure. Sizes
 * and counts do not depend on the machine and always count.
 */
export function judgeBudgets(rows: Row[], busy: boolean): { failed: string[], slow: string[] } {
  const slowRow = (r: Row) => busy && r.unit === 'ms'
  return {
    failed: missedBudgets(rows.filter(r => !slowRow(r))),
    slow: missedBudgets(rows.filter(slowRow)),
  }
}

/** Whether the machine was busy: a 1-minute load average above its core count in any of the samples given. */
export function wasBusy(loadAverages: number[], cores: number): boolean {
  return loadAverages.some(l => l > cores)
}

function fmt(v: number, unit: string): string {
  if (unit === 'bytes') {
    return v >= 1e6
      ? `${(v / 1e6).toFixed(2)} MB`
      : `${(v / 1e3).toFixed(1)} kB`
  }
  if (unit === 'ms')
    return `${(v / 1000).toFixed(2)} s`
  return String(v)
}

export function table(rows: Row[]): string {
  const head = [
    'measure',
    'deck',
    rows[0]?.baselineName ?? 'baseline',
    'ratio',
    'budget',
    '',
  ]
  const body = rows.map(r => [
    r.measure,
    fmt(r.deck, r.unit),
    fmt(r.baseline, r.unit),
    `${r.ratio.toFixed(2)}×`,
    r.budget === null
      ? '–'
      : `≤ ${r.budget}×`,
    r.ok ? 'ok' : 'MISSED',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => b[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [
    line(head),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n')
}
