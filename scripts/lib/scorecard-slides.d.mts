import type { SlidevPreparserExtension } from '@slidev/types'
export const REPO_ROOT: string
export const QUARTER_FILE: RegExp
export function scorecardDir(env?: NodeJS.ProcessEnv): string
export function hasScorecardData(dir?: string): boolean
export function slideShown(frontmatter: Record<string, unknown> | undefined, hasData?: boolean): boolean
export function scorecardSlidesExtension(hasData?: boolean): SlidevPreparserExtension
