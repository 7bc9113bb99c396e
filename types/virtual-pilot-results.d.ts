// The pilot's reading (vite/data.ts, pilotResultsPlugin): due, or read from data/pilot-results/ or PILOT_RESULTS_DIR.
declare module 'virtual:pilot-results' {
  const reading: import('../data/pilot-results').PilotReading
  export default reading
}
