import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Whether the database is missing or older than any file it is built from
 * (the data, the source texts, the migrations).
 */
export function databaseIsStale(databasePath: string, inputs: readonly string[]): boolean {
  if (!existsSync(databasePath)) return true
  const built = statSync(databasePath).mtimeMs
  return inputs.some((input) => newestChange(input) > built)
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs)
}
