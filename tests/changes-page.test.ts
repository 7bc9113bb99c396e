// The "What changed" page (components/ChangesPage.vue): for the first issue it says so; for a later version it
// lists each change under its heading, or says nothing changed, or that the earlier version is missing; a long
// list is cut to what a slide holds and points at changes.json. The report built here stands in for the build's.
// @vitest-environment happy-dom
import type { Change, ChangesReport } from '../shared/changes'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ChangesPage from '../components/ChangesPage.vue'

const figure: Change = {
  kind: 'figure-value',
  id: 'a.b',
  label: 'A',
  from: '15%',
  to: '16%',
  text: 'A: 15% to 16%',
}
const claim: Change = {
  kind: 'claim-added',
  slide: 'S',
  claim: 'New.',
  text: 'New sentence on “S”: “New.”',
}
const slide: Change = { kind: 'slide-removed', title: 'Old', text: 'Slide dropped: “Old”' }
function report(r: Partial<ChangesReport>): ChangesReport {
  return {
    version: 2,
    status: 'listed',
    since: 1,
    sinceIssuedOn: '2026-12-03',
    changes: [],
    ...r,
  }
}
const headings = (w: ReturnType<typeof mount>) => w.findAll('h2').map(h => h.text())

describe('the "What changed" page', () => {
  it('the first issue: says so, lists nothing', () => {
    const w = mount(ChangesPage, {
      props: {
        report: {
          version: 1,
          status: 'first-issue',
          since: null,
          sinceIssuedOn: null,
          changes: [],
        },
      },
    })
    expect(w.text()).toContain('Version 1 is the first issue of this paper')
    expect(w.findAll('li')).toHaveLength(0)
  })

  it('as built here (version one, the build’s own report): the first issue', () => {
    expect(mount(ChangesPage).get('[data-changes]').attributes('data-changes-status')).toBe('first-issue')
  })

  it('a later version: each change under its heading, in the order figures, claims, plan, slides', () => {
    const w = mount(ChangesPage, {
      props: {
        report: report({
          changes: [slide, claim, figure],
        }),
      },
    })
    expect(w.text()).toContain('What changed from version 1 of 3 December 2026 to version 2')
    expect(headings(w)).toEqual(['Figures', 'Claims', 'Slides'])
    expect(w.findAll('li').map(l => l.text())).toEqual([figure.text, claim.text, slide.text])
  })

  it('nothing changed: says so', () => {
    const w = mount(ChangesPage, {
      props: {
        report: report({ changes: [] }),
      },
    })
    expect(w.text()).toContain('No figure, claim, plan value, slide or quarter of our data has changed since version 1')
  })

  it('the earlier version’s record is missing: says the list cannot be given, naming the version', () => {
    const w = mount(ChangesPage, {
      props: {
        report: report({
          status: 'no-record',
          version: 3,
          since: 2,
          sinceIssuedOn: null,
        }),
      },
    })
    expect(w.text()).toContain('cannot be listed')
    expect(w.text()).toContain('no record of version 2')
    expect(w.text()).not.toContain('first issue')
  })

  it('a long list is cut to what the slide holds, the rest counted and sent to changes.json', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...claim, text: `New sentence on “S”: “Sentence ${i}.”` }))
    const w = mount(ChangesPage, {
      props: {
        report: report({ changes: many }),
        max: 14,
      },
    })
    expect(w.findAll('li')).toHaveLength(14)
    expect(w.text()).toContain('And 6 more, listed in changes.json')
  })

  it('is our own text: its numbers are not held to the claims register', () => {
    expect(mount(ChangesPage).get('[data-changes]').attributes('data-claims')).toBe('off')
  })
})
