import { Feed } from 'feed'
import { escapeHtml } from '../reports/html/escape-html.js'
import { changelogPaths, type SchemaChange } from '../api/schema-changelog.js'

const kindLabel: Record<SchemaChange['kind'], string> = { breaking: 'Breaking change', deprecation: 'Deprecation', addition: 'Addition' }

/** A stable anchor for an entry: its date, kind and position among the entries of that date. */
function anchor(entries: SchemaChange[], entry: SchemaChange): string {
  const sameDay = entries.filter((e) => e.date === entry.date)
  return `${entry.date}-${entry.kind}-${sameDay.indexOf(entry) + 1}`
}

/** The changelog as an HTML page, newest first, with the released schemas linked. */
export function renderChangelogHtml(entries: SchemaChange[], releases: string[]): string {
  const items = entries.map((entry) => `<article id="${anchor(entries, entry)}">
<h2>${escapeHtml(entry.date)}: ${escapeHtml(entry.title)}</h2>
<p><strong>${kindLabel[entry.kind]}</strong>, first in the released schema <a href="${changelogPaths.releases}${entry.release}.graphql">${entry.release}</a>.</p>
<h3>Why</h3>
<p>${escapeHtml(entry.reason)}</p>
<h3>What a client must change</h3>
<p>${escapeHtml(entry.replacement)}</p>
${entry.changes.length ? `<h3>Schema coordinates</h3>\n<ul>${entry.changes.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul>` : ''}
</article>`).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Open Akkoord API: schema changelog</title>
<link rel="alternate" type="application/atom+xml" title="Schema changelog" href="${changelogPaths.atom}">
</head>
<body>
<main>
<h1>Schema changelog of the Open Akkoord GraphQL API</h1>
<p>Every breaking change, deprecation and notable addition of the schema, newest first, with what a client must change.
Deprecated fields are kept until the date in their reason. Follow this page as a <a href="${changelogPaths.atom}">feed</a>.
The current schema is at <a href="/schema.graphql">/schema.graphql</a>; the released schemas:
${releases.map((r) => `<a href="${changelogPaths.releases}${r}.graphql">${r}</a>`).join(', ')}.</p>
${items}
</main>
</body>
</html>
`
}

/** The changelog as an Atom feed, one entry per change, with absolute links under `baseUrl`. */
export function renderChangelogAtom(entries: SchemaChange[], baseUrl: string): string {
  const page = `${baseUrl}${changelogPaths.html}`
  const dated = (date: string) => new Date(`${date}T00:00:00Z`)
  const feed = new Feed({
    id: page,
    title: 'Open Akkoord API: schema changelog',
    link: page,
    updated: dated(entries.map((e) => e.date).sort().at(-1) ?? '2026-12-02'),
    feedLinks: { atom: `${baseUrl}${changelogPaths.atom}` },
    copyright: 'CC0 1.0',
    language: 'en',
    generator: false,
  })
  for (const entry of entries) {
    feed.addItem({
      title: `${kindLabel[entry.kind]}: ${entry.title}`,
      id: `${page}#${anchor(entries, entry)}`,
      link: `${page}#${anchor(entries, entry)}`,
      date: dated(entry.date),
      description: entry.reason,
      content: `${entry.reason}\n\nWhat a client must change: ${entry.replacement}${entry.changes.length ? `\n\nSchema coordinates: ${entry.changes.join(', ')}` : ''}`,
    })
  }
  return feed.atom1()
}
