import type { Config } from '../config.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'

/**
 * The largest request body a path takes: the worksheet upload in /beheer its
 * own bound (WORKSHEET_MAX_BYTES: an xlsx saved unzipped passes 100 kB), every
 * other path MAX_BODY_BYTES. The intake and the routes ask this one rule, so a
 * body the intake kept is never refused again by its route.
 */
export function bodyLimit(limits: Config['limits'], path: string): number {
  return path === beheerPaths.worksheet ? limits.worksheetMaxBytes : limits.maxBodyBytes
}
