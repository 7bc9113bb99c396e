// The changes since the previous version of the paper (vite/data.ts, paperChangesPlugin).
declare module 'virtual:paper-changes' {
  const report: import('../shared/changes').ChangesReport
  export default report
}
