import type { Kysely } from 'kysely'
import { writeFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Database } from '../store/database.js'
import { progressStatusLabels, type ProgressStatus } from '../editorial/progress-vocabulary.js'
import { webPaths } from '../web/web-paths.js'
import { atomXml, type AtomEntry } from './atom-feed.js'
import type { PublicationMetadata } from './publication-metadata.js'
import type { ProgressRows } from './published-progress-rows.js'
import { zipPath, type ReleaseSummary } from './release-history.js'

/** Where the feeds stand in a release (and so, for the current one, under /data/). */
export const feedPaths = {
  releases: 'feeds/versies.atom',
  progress: 'feeds/voortgang.atom',
  theme: (agreement: string, theme: string) => `feeds/voortgang/${agreement}/${theme}.atom`,
} as const

interface Subject { agreement: string; action: string; text: string; theme: string | null; themeName: string | null }

/** The action (and its theme) of every subject the progress names: one query per kind, only for those subjects. */
async function subjectsOf(db: Kysely<Database>, progress: ProgressRows): Promise<Map<string, Subject>> {
  const entries = [...progress.rows('assessment'), ...progress.rows('measurement')].map((r) => r.record.revision.subject)
  const slugs = (type: 'action' | 'target') => [...new Set(entries.filter((s) => s.type === type).map((s) => s.slug))]
  const base = () => db.selectFrom('action').innerJoin('agreement', 'agreement.id', 'action.agreement_id')
    .leftJoin('topic', 'topic.id', 'action.topic_id').leftJoin('theme', 'theme.id', 'topic.theme_id')
  const found = new Map<string, Subject>()
  const columns = ['agreement.slug as agreement', 'action.slug as action', 'action.text as text', 'theme.slug as theme', 'theme.name as themeName'] as const
  if (slugs('action').length) {
    for (const row of await base().select([...columns]).where('action.slug', 'in', slugs('action')).execute()) found.set(`${row.agreement}/action/${row.action}`, row)
  }
  if (slugs('target').length) {
    const rows = await base().innerJoin('target', 'target.action_id', 'action.id').select([...columns, 'target.slug as target']).where('target.slug', 'in', slugs('target')).execute()
    for (const { target, ...row } of rows) found.set(`${row.agreement}/target/${target}`, row)
  }
  return found
}

/**
 * Writes the release's Atom feeds: every release with its version notes and
 * zip; every publication and retraction of progress (its action, status or
 * value, date and explanation), and the same per theme (for a publication of
 * a few agreements, whose themes a reader follows). Entry ids are the
 * records' IRIs, dates the data's, so a feed changes only when the data does.
 */
export async function writeFeeds(options: {
  directory: string; db: Kysely<Database>; baseUrl: string; metadata: PublicationMetadata; progress: ProgressRows; releases: readonly ReleaseSummary[]
}): Promise<string[]> {
  const { baseUrl, metadata } = options
  const written: string[] = []
  const write = async (path: string, title: string, subtitle: string, alternate: string, entries: AtomEntry[]) => {
    await mkdir(dirname(join(options.directory, path)), { recursive: true })
    await writeFile(join(options.directory, path), atomXml({
      id: `${baseUrl}/data/${path}`, self: `${baseUrl}/data/${path}`, title, subtitle, alternate, author: metadata.publisherName, fallback: metadata.modified, entries,
    }))
    written.push(path)
  }
  await write(feedPaths.releases, 'Open Akkoord: nieuwe versies van de open data', `Elke versie van ${metadata.title.nl}, met de versienotities.`, `${baseUrl}/data/releases/`,
    options.releases.map((r) => ({
      id: `${baseUrl}/id/dataset/open-akkoord/${r.version}`, title: `Versie ${r.version}`, updated: r.version === metadata.version ? metadata.modified : r.version,
      summary: r.notes, link: `${baseUrl}/data/releases/${r.version}/`, enclosure: { href: `${baseUrl}/data/releases/${r.version}/${zipPath}`, type: 'application/zip', length: r.zip.bytes },
    })))

  const subjects = await subjectsOf(options.db, options.progress)
  const entries: (AtomEntry & { subject: Subject | undefined })[] = []
  for (const kind of ['assessment', 'measurement'] as const) {
    for (const { record: { revision, retraction, round } } of options.progress.rows(kind)) {
      const { subject: key } = revision
      const subject = subjects.get(`${key.agreement}/${key.type}/${key.slug}`)
      const iri = `${baseUrl}/id/${kind === 'assessment' ? 'progress-assessment' : 'target-measurement'}/${key.agreement}/${revision.id}`
      const what = kind === 'assessment' ? progressStatusLabels[revision.status as ProgressStatus] ?? revision.status : `gemeten waarde ${revision.value}`
      const link = subject ? `${baseUrl}${webPaths.action(subject.action)}` : `${baseUrl}/data/`
      const about = subject ? `${subject.text}` : key.slug
      entries.push({ subject, id: iri, title: `${what}: ${about}`, updated: revision.publication!.publishedAt, link, category: what,
        summary: `Stand per ${revision.asOf}${round ? ` (${round.name}, peildatum ${round.peildatum})` : ''}: ${revision.explanation}` })
      if (retraction?.publication) {
        entries.push({ subject, id: `${iri}#intrekking`, title: `Ingetrokken (${what}): ${about}`, updated: retraction.publication.publishedAt, link, category: 'Ingetrokken',
          summary: `De ${kind === 'assessment' ? 'beoordeling' : 'meting'} van ${revision.asOf} is ingetrokken: ${retraction.explanation}` })
      }
    }
  }
  const strip = ({ subject: _subject, ...entry }: AtomEntry & { subject: Subject | undefined }): AtomEntry => entry
  await write(feedPaths.progress, 'Open Akkoord: gepubliceerde voortgang', 'Elke gepubliceerde voortgangsbeoordeling, meting en intrekking.', `${baseUrl}/afspraken`, entries.map(strip))
  if (metadata.agreements.length <= 3) {
    const themes = await options.db.selectFrom('theme').innerJoin('agreement', 'agreement.id', 'theme.agreement_id')
      .select(['agreement.slug as agreement', 'theme.slug as theme', 'theme.name as name']).orderBy('agreement.slug').orderBy('theme.position').execute()
    for (const t of themes) {
      await write(feedPaths.theme(t.agreement, t.theme), `Open Akkoord: voortgang van het thema ${t.name}`, `Gepubliceerde voortgang van de afspraken onder het thema ${t.name}.`, `${baseUrl}${webPaths.theme(t.theme)}`,
        entries.filter((e) => e.subject?.agreement === t.agreement && e.subject.theme === t.theme).map(strip))
    }
  }
  return written
}
