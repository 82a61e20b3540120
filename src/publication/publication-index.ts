import { readFile, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { contentTypeOf } from './content-types.js'
import { parseSha256Sums, sha256SumsPath } from './sha256-sums.js'
import { catalogPaths } from './write-catalog.js'

/** One entry of the /data/ index. */
export interface IndexEntry {
  path: string
  url: string
  bytes: number
  /** Null for SHA256SUMS, which does not list itself. */
  sha256: string | null
  contentType: string
}

export interface PublicationIndex {
  catalog: { turtle: string; jsonld: string }
  files: IndexEntry[]
}

/** Lists the publication's files from its SHA256SUMS, with their sizes, hashes and URLs. */
export async function readPublicationIndex(root: string, baseUrl: string): Promise<PublicationIndex> {
  const realRoot = await realpath(root)
  const sums = parseSha256Sums(await readFile(join(realRoot, sha256SumsPath), 'utf8'))
  const paths = [...sums.keys(), sha256SumsPath].sort()
  const files = await Promise.all(paths.map(async (path): Promise<IndexEntry> => ({
    path, url: `${baseUrl}/data/${path}`, bytes: (await stat(join(realRoot, path))).size, sha256: sums.get(path) ?? null, contentType: contentTypeOf(path),
  })))
  return { catalog: { turtle: `${baseUrl}/data/${catalogPaths.turtle}`, jsonld: `${baseUrl}/data/${catalogPaths.jsonld}` }, files }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The index as a small HTML page for people. */
export function indexHtml(index: PublicationIndex): string {
  const rows = index.files.map((f) =>
    `<tr><td><a href="${escapeHtml(f.path)}">${escapeHtml(f.path)}</a></td><td>${f.bytes}</td><td><code>${f.sha256 ?? ''}</code></td></tr>`).join('\n')
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Open Akkoord: open data</title></head>
<body>
<h1>Open Akkoord: open data</h1>
<p><a href="/">Naar de site Open Akkoord Assen</a> · <a href="/rapporten">Rapporten</a></p>
<p>DCAT-catalogus: <a href="${escapeHtml(catalogPaths.turtle)}">Turtle</a>, <a href="${escapeHtml(catalogPaths.jsonld)}">JSON-LD</a>. Licentie: CC0 1.0.</p>
<table>
<thead><tr><th>Bestand</th><th>Bytes</th><th>SHA-256</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`
}
