// A real full disk for the tests: a small tmpfs mounted on a temp folder (needs root, or CAP_SYS_ADMIN), filled
// with a filler file until ENOSPC, then freed by a chosen number of bytes, so the next write fails where a test
// wants it to fail. Nothing is mocked: the write that fails is the command's own.
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, fstatSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** tmpfs hands out space a memory page at a time. */
export const DISK_PAGE = 4096

/** Whether this process may mount a tmpfs (the tests needing a full disk are skipped, and say so, if not). */
export function canMountTmpfs(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'mount-probe-'))
  const ok = spawnSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    'size=16k',
    'tmpfs',
    dir,
  ]).status === 0
  if (ok)
    execFileSync('umount', [dir])
  rmSync(dir, { recursive: true })
  return ok
}

/** A tmpfs of `size` bytes; `fill(leaveFree)` takes all its space but `leaveFree` bytes (rounded up to pages). */
export function smallDisk(size = 256 * 1024) {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'))
  execFileSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    `size=${size},mode=0755`,
    'tmpfs',
    dir,
  ])
  return {
    dir,
    fill(leaveFree: number) {
      const fd = openSync(join(dir, '.filler'), 'w')
      try {
        const chunk = Buffer.alloc(DISK_PAGE, 1)
        try {
          for (;;) writeSync(fd, chunk)
        }
        catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC')
            throw e
        }
        const filled = Math.floor(fstatSync(fd).size / DISK_PAGE) * DISK_PAGE
        ftruncateSync(fd, Math.max(0, filled - Math.ceil(leaveFree / DISK_PAGE) * DISK_PAGE))
      }
      finally {
        closeSync(fd)
      }
    },
    remove() {
      execFileSync('umount', [dir])
      rmSync(dir, { recursive: true })
    },
  }
}
