// The changes since the previous version of the paper (vite/data.ts, paperChangesPlugin).
declare module 'virtual:paper-changes' {
  const report: import('../scripts/changes/since').ChangesReport
  export default report
}
