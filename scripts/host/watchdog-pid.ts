// The file in nginx's working folder that names the watchdog owning it: while that process lives, the folder is
// in use; once it is gone, the folder was left behind (scripts/host.ts removes it at the next start).
export const WATCHDOG_PID = 'watchdog.pid'
