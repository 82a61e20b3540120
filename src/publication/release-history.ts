import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readManifest } from './publication-manifest.js'
import { listReleases, releaseFolder } from './release-store.js'
import { parseSha256Sums, sha256SumsPath } from './sha256-sums.js'

export const zipPath = 'open-akkoord.zip'

/** A release as the catalogue lists it: its version, notes and zip. */
export interface ReleaseSummary {
  version: string
  notes: string
  zip: { bytes: number; sha256: string }
}

/** The releases kept in a publication folder, oldest first, with their notes and zip (a release without them is left out). */
export async function readReleaseHistory(root: string): Promise<ReleaseSummary[]> {
  const summaries: ReleaseSummary[] = []
  for (const version of await listReleases(root)) {
    const folder = releaseFolder(root, version)
    const manifest = await readManifest(folder)
    const sums = parseSha256Sums(await readFile(join(folder, sha256SumsPath), 'utf8'))
    const sha256 = sums.get(zipPath)
    if (!manifest || !sha256) continue
    summaries.push({ version, notes: manifest.notes, zip: { bytes: (await stat(join(folder, zipPath))).size, sha256 } })
  }
  return summaries
}
