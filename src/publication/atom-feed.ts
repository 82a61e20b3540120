/** One entry of an Atom feed (RFC 4287). */
export interface AtomEntry {
  /** A permanent IRI: the same entry keeps it in every release. */
  id: string
  title: string
  /** RFC 3339 date-time, from the data (a publication's moment, a release's date). */
  updated: string
  summary: string
  /** The page a reader opens (rel="alternate"). */
  link: string
  /** A file the entry offers (rel="enclosure"), such as a release's zip. */
  enclosure?: { href: string; type: string; length: number }
  category?: string
}

export interface AtomFeed {
  id: string
  title: string
  subtitle: string
  /** Where the feed itself is served (rel="self"). */
  self: string
  /** The page the feed is about (rel="alternate"). */
  alternate: string
  author: string
  /** When the feed last changed: its newest entry's moment, or `fallback` when it has none. */
  fallback: string
  entries: readonly AtomEntry[]
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
/** A bare date is midnight UTC: Atom dates are date-times. */
const atomDate = (value: string): string => (value.includes('T') ? value : `${value}T00:00:00Z`)

/** The feed as Atom XML, newest entry first; every date comes from the data, so the same data gives the same bytes. */
export function atomXml(feed: AtomFeed): string {
  const entries = [...feed.entries].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : 1))
  const updated = atomDate(entries[0]?.updated ?? feed.fallback)
  const entryXml = (e: AtomEntry) => [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <updated>${escapeXml(atomDate(e.updated))}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    ...(e.enclosure ? [`    <link rel="enclosure" type="${escapeXml(e.enclosure.type)}" length="${e.enclosure.length}" href="${escapeXml(e.enclosure.href)}"/>`] : []),
    ...(e.category ? [`    <category term="${escapeXml(e.category)}"/>`] : []),
    `    <summary xml:lang="nl">${escapeXml(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <rights>CC0 1.0</rights>`,
    ...entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n')
}
