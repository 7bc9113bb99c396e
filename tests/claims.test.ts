// Every claim on every slide holds up: the sentence the board reads is in the claims register word
// for word, and the report passages registered beside it state each of its numbers, with the same
// kind of qualifier. A slide bound to the wrong figure, or a qualifier changed, fails here by slide
// and claim. The slides are rendered with the deck's own components (tests/claims/render.ts); the
// browser tests check the built site yields exactly these claims.
import type { Claim } from './claims/check'
import type { RenderedSlide } from './claims/render'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { REGISTER } from '../data/claims'
import { CAUSAL, compareWithRegister, isClaim, passageDoc, passageText, strengthProblems, supportsSomething, unsupported } from './claims/check'
import { renderDeck, SLIDES_PATH } from './claims/render'
import { deckSlides } from './helpers/deck'
import { describeSources, sourceText } from './helpers/sourceText'

vi.mock('@slidev/client', () => import('./helpers/renderStubs').then(m => m.slidevClientStub()))
vi.mock('vue-chartjs', () => import('./helpers/renderStubs').then(m => m.vueChartjsStub()))

const TITLES = deckSlides().map((s, i) => s.title ?? `slide ${i + 1}`)
const ALL_CLAIMS: { title: string, part: string, claim: Claim }[] = Object.entries(REGISTER).flatMap(([title, parts]) =>
  (['slide', 'notes'] as const).flatMap(part => (parts[part] ?? []).map(claim => ({ title, part, claim }))),
)
const FINDINGS: { title: string, claim: Claim }[] = Object.entries(REGISTER).flatMap(([title, parts]) => (parts.findings ?? []).map(claim => ({ title, claim })))
function short(s: string) {
  return s.length > 90
    ? `${s.slice(0, 87)}…`
    : s
}

let deck: RenderedSlide[]
beforeAll(async () => {
  deck = await renderDeck()
}, 60_000)

describe('every claim on a slide is registered, and every registered claim is on its slide', () => {
  it('slide titles are unique, so the register can be keyed by them', () => {
    expect(TITLES.filter((t, i) => TITLES.indexOf(t) !== i)).toEqual([])
  })

  it('the register names only slides the deck has', () => {
    expect(Object.keys(REGISTER).filter(t => !TITLES.includes(t))).toEqual([])
  })

  TITLES.forEach((title, i) => {
    it(`slide ${i + 1} “${title}”`, () => {
      const slide = deck.find(s => s.no === i + 1)!
      expect(compareWithRegister([slide], { [title]: REGISTER[title] ?? {} }).map(p => p.message)).toEqual([])
    })
  })

  it('the deck states numbers on most slides, so an empty rendering cannot pass', () => {
    const withClaims = deck.filter(s => s.slide.some(isClaim))
    expect(withClaims.length).toBeGreaterThanOrEqual(20)
  })
})

describe('every number in a registered claim is stated by its passages', () => {
  for (const { title, part, claim } of ALL_CLAIMS) {
    it(`${short(title)}${part === 'notes'
      ? ' (notes)'
      : ''}: “${short(claim.text)}”`, () => {
      expect(unsupported(claim)).toEqual([])
      // Each passage earns its place: it states a number the claim makes.
      const idle = claim.passages.filter(p => !supportsSomething(claim, p)).map(passageText)
      expect(idle, 'passages that state none of the claim’s numbers').toEqual([])
    })
  }
})

describe('no sentence is stronger than its passages: causal and absolute words only where the report uses them', () => {
  for (const { title, part, claim } of [
    ...ALL_CLAIMS,
    ...FINDINGS.map(f => ({ ...f, part: 'finding' })),
  ]) {
    it(`${short(title)} (${part}): “${short(claim.text)}”`, () => expect(strengthProblems(claim)).toEqual([]))
  }

  it('every title and headline of a slide in the study’s voice is registered, with the passages it rests on', () => {
    const registered = new Set(Object.values(REGISTER).flatMap(r => [
      ...(r.findings ?? []),
      ...(r.slide ?? []),
    ].map(c => c.text)))
    const missing = deckSlides()
      .filter(s => s.frontmatter?.voice !== 'ours')
      .flatMap((s) => {
        const rendered = deck.find(r => r.title === (s.title ?? ''))!
        // The headline: a bold paragraph straight under the title.
        const headline = s.content.match(/^#[^\n]*\n+\*\*([^*]+)\*\*\s*$/m)?.[1]
        const sentences = [
          s.title ?? '',
          ...(headline
            ? rendered.slide.filter(t => t.startsWith(headline.replace(/<[^>]+>/g, '').slice(0, 20)))
            : []),
        ]
        return sentences.filter(t => !registered.has(t)).map(t => `slide “${s.title}”: “${t}”`)
      })
    expect(missing).toEqual([])
  })

  it('a causal word anywhere on a slide is registered: no slide says "decides" or "drives" unchecked', () => {
    const registered = new Set(Object.values(REGISTER).flatMap(r => [
      ...(r.findings ?? []),
      ...(r.slide ?? []),
    ].map(c => c.text)))
    const loose = deck.flatMap(s => s.slide.filter(t => CAUSAL.some(c => c.word.test(t)) && !registered.has(t)).map(t => `slide ${s.no} “${s.title}”: “${t}”`))
    expect(loose).toEqual([])
  })

  it('the check fails on “expertise decides whether they recover”, which the report never says', () => {
    const claim = {
      text: 'When sessions hit trouble, expertise decides whether they recover',
      passages: ['Among sessions that hit trouble, the share that are verified successes rises from 4% for novice-rated sessions to 15% for expert-rated ones'],
    }
    expect(strengthProblems(claim)).toEqual([
      '“When sessions hit trouble, expertise decides whether they recover” says “decides”, but none of its passages uses that word or a stronger one: reword it as the report does',
    ])
    // A passage with a stronger word supports it; a passage with the same absolute word supports "every".
    expect(strengthProblems({
      ...claim,
      passages: ['success is determined by how well a person understands the problem'],
    })).toEqual([])
    expect(strengthProblems({
      text: 'Every occupation came close',
      passages: ['every one of the ten largest occupations'],
    })).toEqual([])
    expect(strengthProblems({
      text: 'Only experts succeed',
      passages: ['experts succeed more often'],
    })).toHaveLength(1)
  })
})

describeSources('every registered passage is word for word in its source', () => {
  const passages = new Map([
    ...ALL_CLAIMS,
    ...FINDINGS,
  ].flatMap(({ claim }) => claim.passages.map(p => [`${passageDoc(p)}:${passageText(p)}`, p] as const)))
  for (const p of passages.values()) {
    it(`${passageDoc(p)}: “${short(passageText(p))}”`, () => {
      expect(sourceText(passageDoc(p))).toContain(passageText(p))
    })
  }
})

describe('the checks catch the errors a board member would notice', () => {
  const title = 'The work moved from fixing code towards operating software, analysis and writing'
  const original = readFileSync(SLIDES_PATH, 'utf8')
  // Slide numbers as the deck shows them (the scorecard section before them varies with the data).
  const no = (t: string) => TITLES.indexOf(t) + 1
  const cost = 'Coaching: a hypothesis the pilot tests, not a finding'

  it('a sentence bound to the wrong figure fails, naming the slide, the claim and what differs', async () => {
    const rebound = original.replace('fixing broken code fell from <Fig id="shift.fixing.oct" />', 'fixing broken code fell from <Fig id="shift.operating.oct" />')
    expect(rebound).not.toBe(original)
    const problems = compareWithRegister(await renderDeck(rebound), REGISTER).map(p => p.message)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`slide ${no(title)} “${title}” says “The share of sessions fixing broken code fell from 14% to 19%`)
    expect(problems[0]).toContain('the slide has “14%” where the register has “33%”')
  })

  it('“Verified success” bound to the partial-success figure fails on the cost slide', async () => {
    const rebound = original.replace('Verified success: <Fig id="success.novice.verified" /> for novice-rated sessions', 'Verified success: <Fig id="success.novice.partial" /> for novice-rated sessions')
    expect(rebound).not.toBe(original)
    const problems = compareWithRegister(await renderDeck(rebound), REGISTER).map(p => p.message)
    expect(problems).toEqual([
      `slide ${no(cost)} “${cost}” says “Verified success: 77% for novice-rated sessions, 28–33% for those rated intermediate or above.”, but the register has “Verified success: 15% for novice-rated sessions, 28–33% for those rated intermediate or above.”: the slide has “77%” where the register has “15%”`,
    ])
  })

  it('a qualifier changed in the figures module fails on every slide that shows the figure', async () => {
    const { figure } = await import('../data')
    const sessions = figure('scope.sessions') as { qualifier?: string }
    sessions.qualifier = 'more than'
    try {
      const problems = compareWithRegister(await renderDeck(), REGISTER).map(p => p.message)
      expect(problems.length).toBeGreaterThanOrEqual(3) // cover, the study slide, appendix
      expect(problems[0]).toContain('slide 1 “Coding agents: in Anthropic’s study, success went with understanding the problem, not coding skill” says “Board paper · Evidence from Anthropic\'s study of more than 400,000')
      expect(problems[0]).toContain('the slide has “more than” where the register has “about”')
    }
    finally {
      sessions.qualifier = 'about'
    }
  })

  it('re-recording that sentence does not help: its new number is not in the passages', () => {
    const registered = REGISTER[title].slide!.find(c => c.text.startsWith('The share of sessions fixing broken code fell from'))!
    const rerecorded = {
      ...registered,
      text: registered.text.replace('from 33%', 'from 14%'),
    }
    expect(unsupported(rerecorded)).toEqual(['14 (“code fell from 14%”) is in none of the passages'])
  })

  it('a changed qualifier fails even when re-recorded: “more than” is not the report’s “~”', () => {
    const cover = REGISTER['Coding agents: in Anthropic’s study, success went with understanding the problem, not coding skill'].slide![0]
    const rerecorded = {
      ...cover,
      text: cover.text.replace('about 400,000', 'more than 400,000'),
    }
    expect(unsupported(rerecorded)).toEqual(['“of more than 400,000” reads more than, but the passages say “~400,000”'])
  })

  it('a chart bar bound to another figure fails on its row of the chart’s data table', async () => {
    const { CHARTS } = await import('../data/charts')
    const series = CHARTS.successByExpertise.series[0]
    const figures = series.figures as unknown as string[]
    const saved = figures[0]
    figures[0] = 'success.novice.partial'
    try {
      const problems = compareWithRegister(await renderDeck(), REGISTER).map(p => p.message)
      expect(problems.join('\n')).toContain('“Share of sessions that succeed, by rated expertise: Verified success, Novice | 77%”')
    }
    finally {
      figures[0] = saved
    }
  })

  it('a registered claim no slide says any more fails as stale', () => {
    const stale = {
      ...REGISTER,
      [title]: {
        ...REGISTER[title],
        slide: [
          ...REGISTER[title].slide!,
          { text: 'Debugging fell by 100%.', passages: [] },
        ],
      },
    }
    expect(compareWithRegister(deck, stale).map(p => p.message)).toEqual([`slide ${no(title)} “${title}” no longer says “Debugging fell by 100%.”: remove it from the register`])
  })

  it('a derived number needs its inputs in the passages', () => {
    const claim = {
      text: 'Planning decisions made by Claude | about 30% = 100 − 70',
      passages: ['Claude makes about 80% of execution decisions'],
      derived: ['decisions.planning.claude'],
    }
    expect(unsupported(claim)).toContain('70 (input decisions.planning.user of decisions.planning.claude) is in none of the passages')
  })
})

describe('reading claims off a rendered slide', () => {
  const read = async (html: string) => {
    const { Window } = await import('happy-dom')
    const { extractClaims } = await import('./claims/extract')
    const w = new Window()
    w.document.body.innerHTML = html
    return extractClaims(w.document.body as unknown as Element)
  }

  it('splits paragraphs into sentences and keeps a big figure with its label', async () => {
    expect(await read('<p>Fixing fell from <span>33%</span> to 19%. Value rose 27%.</p><div data-claim><div>15%</div><div>Verified, novice</div></div>')).toEqual([
      'Fixing fell from 33% to 19%.',
      'Value rose 27%.',
      '15% Verified, novice',
    ])
  })

  it('reads a table row whole, with its caption, and skips what is marked off', async () => {
    const html = '<table><caption>Success</caption><tr><th>Novice</th><td>15%</td><td data-claims="off">Figure 5</td></tr></table><p data-claims="off">Source: Figure 5</p>'
    expect(await read(html)).toEqual(['Success: Novice | 15%'])
  })
})
