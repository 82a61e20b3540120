import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Every file of a release folder (hidden ones too) with its SHA-256, by its path inside the folder: to compare a release byte for byte. */
export const fingerprint = (folder: string): Map<string, string> => new Map(readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => {
    const path = join(e.parentPath, e.name)
    return [path.slice(folder.length), createHash('sha256').update(readFileSync(path)).digest('hex')] as const
  }).sort())
