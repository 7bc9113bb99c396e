// ESLint, run by `npm test`: antfu's shared config (TypeScript, Vue, style), with the few rules this
// project turns off named below with why.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    // slides.md is Slidev markdown (frontmatter per slide, Vue components inline): checked by its own tests.
    markdown: false,
    ignores: ['dist/**', 'test-results/**', 'screenshots/**', 'exports/**', '.bench/**', '.slidev/**', 'styles/fonts/**', 'README.md', 'slides.md'],
  },
)
