// The checked scorecard (vite/data.ts, scorecardPlugin): data/scorecard/ or SCORECARD_DIR.
declare module 'virtual:scorecard' {
  const scorecard: import('../data/scorecard').Scorecard
  export default scorecard
}
