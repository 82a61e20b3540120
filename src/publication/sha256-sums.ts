import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PublishedFile } from './published-file.js'

export const sha256SumsPath = 'SHA256SUMS'

/** The lines of a SHA256SUMS file, sorted by path, in the format `sha256sum -c` reads. */
function sha256SumsText(files: readonly Pick<PublishedFile, 'path' | 'sha256'>[]): string {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => `${f.sha256}  ${f.path}\n`).join('')
}

/** Writes SHA256SUMS for the given files (every file of the publication but itself). */
export async function writeSha256Sums(directory: string, files: readonly PublishedFile[]): Promise<string> {
  await writeFile(join(directory, sha256SumsPath), sha256SumsText(files))
  return sha256SumsPath
}

/** Parses a SHA256SUMS text into path → hash; throws on a malformed line. */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>()
  for (const line of text.split('\n').filter(Boolean)) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line)
    if (!match) throw new Error(`not a SHA256SUMS line: ${line}`)
    sums.set(match[2]!, match[1]!)
  }
  return sums
}
