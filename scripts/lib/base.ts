// The base path the site is served from, e.g. "/board/". Slidev needs a leading and trailing slash;
// anything that is not a plain path is refused with a message that says what to pass instead.
import { UserError } from './cli.ts'

export function normaliseBase(input: string | undefined): string {
  const raw = (input ?? '').trim()
  if (raw === '' || raw === '/')
    return '/'
  if (/^[a-z]+:\/\//i.test(raw) || raw.startsWith('//')) {
    throw new UserError(`BASE must be a path such as /board/, not a URL: "${raw}"`)
  }
  if (/[\s?#\\]/.test(raw) || raw.split('/').includes('..')) {
    throw new UserError(`BASE must be a plain path such as /board/ (no spaces, "?", "#", "\\" or ".."): "${raw}"`)
  }
  const trimmed = raw.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/')
  return `/${trimmed}/`
}
