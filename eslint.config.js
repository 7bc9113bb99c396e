// ESLint, run by `npm test`: antfu's shared config (TypeScript, Vue, style). The rules turned off below
// are named with why; everything else applies as the config sets it.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    // slides.md is Slidev markdown (frontmatter per slide, Vue components inline): checked by its own tests.
    markdown: false,
    ignores: [
      'dist/**',
      'test-results/**',
      'screenshots/**',
      'exports/**',
      '.bench/**',
      '.slidev/**',
      'styles/fonts/**',
      'README.md',
      // Written by programs (the fixture generator, the scorecard import): their format is theirs.
      'tests/fixtures/**/*.json',
      'data/scorecard/**',
      'slides.md',
    ],
  },
  {
    rules: {
      // The global `process` and `Buffer`, as Node's own docs write them. Shared code (data/, shared/) also
      // runs in the browser, where it checks `typeof process` first; importing node:process would break it.
      'node/prefer-global/process': 'off',
      'node/prefer-global/buffer': 'off',
      // The number parser (data/numbers.ts) and the quote checks read regex groups by position; turning an
      // unused group into a non-capturing one would renumber the groups after it.
      'regexp/no-unused-capturing-group': 'off',
      // Tests read innerText on purpose: the text as it is rendered (hidden parts left out), as a reader sees it.
      'unicorn/prefer-dom-node-text-content': 'off',
      // Test titles are sentences that may open with a name or an acronym ("JSON parses back…", "IPv6 …",
      // "BarChart"): lower-casing their first letter garbles them.
      'test/prefer-lowercase-title': 'off',
      // antfu's import order, with a comment as a boundary: a file's opening comment stays first, above its imports
      // (without it, `import type` lines are sorted up past the comment).
      'perfectionist/sort-imports': [
        'error',
        {
          groups: [
            'type-import',
            [
              'type-parent',
              'type-sibling',
              'type-index',
              'type-internal',
            ],
            'value-builtin',
            'value-external',
            'value-internal',
            ['value-parent', 'value-sibling', 'value-index'],
            'side-effect',
            'ts-equals-import',
            'unknown',
          ],
          newlinesBetween: 'ignore',
          newlinesInside: 'ignore',
          order: 'asc',
          type: 'natural',
          partitionByComment: true,
        },
      ],
    },
  },
  {
    // The test runner and the fixture generator are commands: they report on the console.
    files: ['tests/run-all.ts', 'tests/fixtures/**'],
    rules: { 'no-console': 'off' },
  },
)
