import { existsSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { contentTypeOf } from './content-types.js'
import { readmePath } from './readme-text.js'
import { feedPaths } from './write-feeds.js'
import { readManifest } from './publication-manifest.js'
import { parseSha256Sums, sha256SumsPath } from './sha256-sums.js'
import { catalogPaths, servedCatalogPath } from './write-catalog.js'
import { fileDigest } from './text-file.js'

/** One entry of the /data/ index. */
interface IndexEntry {
  path: string
  url: string
  bytes: number
  /** Null for SHA256SUMS, which does not list itself. */
  sha256: string | null
  contentType: string
}

export interface PublicationIndex {
  version: string
  catalog: { turtle: string; jsonld: string }
  /** The LEESMIJ of this release. */
  readme: string
  /** The Atom feeds of releases and progress. */
  feeds: { title: string; url: string }[]
  files: IndexEntry[]
  /** Every kept release, oldest first, with the URL of its folder. */
  releases: { version: string; url: string }[]
}

/**
 * Lists a release's files from its SHA256SUMS, with their sizes, hashes and
 * URLs under `<baseUrl>/data/<prefix>`, and the kept releases. Also returns
 * when its files were last modified (the data's date).
 */
export async function readPublicationIndex(root: string, baseUrl: string, prefix: string, releases: readonly string[]): Promise<{ index: PublicationIndex; modified: Date }> {
  const realRoot = await realpath(root)
  const sums = parseSha256Sums(await readFile(join(realRoot, sha256SumsPath), 'utf8'))
  const paths = [...sums.keys(), sha256SumsPath].sort()
  let modified = 0
  const files = await Promise.all(paths.map(async (path): Promise<IndexEntry> => {
    const info = await stat(join(realRoot, path))
    modified = Math.max(modified, info.mtimeMs)
    const entry = { path, url: `${baseUrl}/data/${prefix}${path}`, bytes: info.size, sha256: sums.get(path) ?? null, contentType: contentTypeOf(path) }
    // At the plain /data/ paths the catalogue is the current one: list the bytes served there.
    const served = join(realRoot, servedCatalogPath(path, prefix === ''))
    return served === join(realRoot, path) || !existsSync(served) ? entry : { ...entry, ...(await fileDigest(served)) }
  }))
  const manifest = await readManifest(realRoot)
  return {
    index: {
      version: manifest?.version ?? '', catalog: { turtle: `${baseUrl}/data/${prefix}${catalogPaths.turtle}`, jsonld: `${baseUrl}/data/${prefix}${catalogPaths.jsonld}` },
      readme: `${baseUrl}/data/${prefix}${readmePath}`,
      feeds: [{ title: 'Nieuwe versies', url: `${baseUrl}/data/${prefix}${feedPaths.releases}` }, { title: 'Gepubliceerde voortgang', url: `${baseUrl}/data/${prefix}${feedPaths.progress}` }],
      files, releases: releases.map((version) => ({ version, url: `${baseUrl}/data/releases/${version}/` })),
    },
    modified: new Date(modified),
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The index as a small HTML page for people. */
export function indexHtml(index: PublicationIndex): string {
  const rows = index.files.map((f) =>
    `<tr><td><a href="${escapeHtml(f.url)}">${escapeHtml(f.path)}</a></td><td>${f.bytes}</td><td><code>${f.sha256 ?? ''}</code></td></tr>`).join('\n')
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Open Akkoord: open data</title>
${index.feeds.map((f) => `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(f.title)}" href="${escapeHtml(f.url)}">`).join('\n')}
</head>
<body>
<h1>Open Akkoord: open data</h1>
<p><a href="/">Naar de site Open Akkoord Assen</a> · <a href="/rapporten">Rapporten</a></p>
<p>Versie ${escapeHtml(index.version)}. Begin bij <a href="${escapeHtml(index.readme)}">LEESMIJ.txt</a>. DCAT-catalogus: <a href="${escapeHtml(index.catalog.turtle)}">Turtle</a>, <a href="${escapeHtml(index.catalog.jsonld)}">JSON-LD</a>. Licentie: CC0 1.0.</p>
<table>
<thead><tr><th>Bestand</th><th>Bytes</th><th>SHA-256</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Op de hoogte blijven: ${index.feeds.map((f) => `<a href="${escapeHtml(f.url)}">${escapeHtml(f.title)}</a> (Atom)`).join(', ')}.</p>
<h2>Alle versies</h2>
<ul>
${index.releases.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.version)}</a></li>`).join('\n')}
</ul>
</body>
</html>
`
}
