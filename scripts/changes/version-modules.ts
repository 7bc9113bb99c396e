// The modules one version of the paper is read from, named by static imports the layout test reads. For a version
// at a git ref, snapshot.ts puts this file into that ref's files (written out by git archive) at the same place and
// imports it there, so these paths name that version's modules: no other path reaches an older version's code.
export { REGISTER } from '../../data/claims.ts'
export { FIGURES } from '../../data/figures.ts'
export { PAPER } from '../../data/paper.ts'
export { PLAN } from '../../data/plan.ts'
