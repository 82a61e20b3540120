import type { Kysely } from 'kysely'
import { readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../store/database.js'
import { chainStatement } from './chain-statement.js'
import { contentSubjects } from '../editorial/content-subjects.js'
import { storeIdentity, type EditorialStore } from '../editorial/open-editorial-store.js'
import { noPublishedProgress, readPublishedProgress } from '../editorial/published-progress.js'
import { toGlobalId } from '../model/global-id.js'
import { commitmentColumns, commitmentRows } from './commitments-table.js'
import { databaseIdentity, publicationFormat, writeManifest } from './publication-manifest.js'
import { modifiedTimestamp, readPublicationMetadata, withProgress } from './publication-metadata.js'
import type { PublishedFile } from './published-file.js'
import { ProgressRows } from './published-progress-rows.js'
import { commitmentsCsvPath, readmePath, readmeText, versionNotesPath } from './readme-text.js'
import { readReleaseHistory, zipPath } from './release-history.js'
import { listReleases, releaseFolder, writeRelease } from './release-store.js'
import { writeSha256Sums } from './sha256-sums.js'
import { publicationTables } from './tables.js'
import { fileDigest, type FileDigest } from './text-file.js'
import { compareReleases, versionNotesMarkdown, versionNotesSummary } from './version-notes.js'
import { writeCatalog } from './write-catalog.js'
import { writeFeeds } from './write-feeds.js'
import { writeDataFiles } from './write-data-files.js'
import { datapackagePath, writeDatapackage } from './write-datapackage.js'
import { writeCsv } from './write-tables.js'
import { workbookPath, writeWorkbook } from './write-workbook.js'
import { writeZip } from './write-zip.js'



/**
 * How the publication's writer (`npm run dump`, and the server on its own
 * connection) opens the content database: read-only, with a 2 MB page cache instead of 16 MB. The
 * dump reads each table once, in order, so a large cache holds pages it never
 * reads again: at 1000x the data it filled, 14 MB of the dump's peak.
 */
export const dumpDatabaseOptions = { readonly: true, pageCacheKiB: 2048 } as const

export interface PublicationOptions {
  db: Kysely<Database>
  databasePath: string
  /** The publication folder: releases are kept in it, `current` points at the newest dump. */
  outDir: string
  /** The folder the agreements' source_file paths are relative to (the project root). */
  root: string
  /** The public address the IRIs, download URLs and catalogue use. */
  baseUrl: string
  publisherUri: string
  publisherName: string
  /** The editorial store whose published progress the release carries; without one, the progress tables are empty. */
  editorial?: EditorialStore | null
  /** Called after each part is written, with its name: the bench measures time and peak memory per part with it. */
  onStep?: (step: string) => void
}

export interface PublicationResult {
  outDir: string
  version: string
  /** The release this version was compared with; null for the first. */
  previousVersion: string | null
  /** The publication generation of the progress it carries (0: none). */
  generation: number
  /** Every file but SHA256SUMS, which lists them. */
  files: PublishedFile[]
}

/**
 * Writes a release of every agreement in the database: data files, the
 * workbook and the flat commitments table, datapackage.json, version notes
 * against the previous release, a Dutch LEESMIJ, a zip of them, the DCAT
 * catalogue describing each file and every kept release, SHA256SUMS, and a
 * manifest of what it was written from. The release is written aside and
 * swapped in with one atomic rename; on an error the publication stays as it was.
 */
export async function writePublication(options: PublicationOptions): Promise<PublicationResult> {
  const published = options.editorial ? await readPublishedProgress(options.editorial) : noPublishedProgress
  const progress = new ProgressRows(published, await contentSubjects(options.db, published.revisions.map((r) => r.subject)))
  const metadata = withProgress(await readPublicationMetadata(options.db, options.publisherName), published.latestPublishedAt)
  const kept = await listReleases(options.outDir)
  const previousVersion = kept.filter((v) => v < metadata.version).at(-1) ?? null
  // dct:issued is the first release's and never moves; the data's own oldest version stands in before any release.
  metadata.issued = [...kept, metadata.issued].sort()[0]!
  const history = (await readReleaseHistory(options.outDir)).filter((r) => r.version !== metadata.version)
  const database = await databaseIdentity(options.databasePath)
  return writeRelease(options.outDir, metadata.version, async (directory) => {
    const files = await writeDataFiles(directory, { ...options, metadata, progress })
    const step = options.onStep ?? (() => {})
    const add = async (path: string, format: PublishedFile['format'], title: PublishedFile['title'], description: PublishedFile['description'], digest?: FileDigest) => {
      files.push({ path, format, title, description, ...(digest ?? await fileDigest(join(directory, path))) })
    }
    const actionId = (agreement: string, slug: string) => toGlobalId('Action', agreement, slug)
    const commitments = await writeCsv(join(directory, commitmentsCsvPath), commitmentColumns.map((c) => c.header), commitmentRows(options.db, metadata.agreements, actionId, progress))
    step('commitments csv')
    await add(commitmentsCsvPath, 'csv', { nl: 'Alle toezeggingen in één tabel (CSV)', en: 'Every commitment in one table (CSV)' }, {
      nl: 'Elke toezegging (actie) op één regel, in het Nederlands: thema, onderwerp, tekst, soort, wethouders, begrotingsposten, doelen, wijken en bronregels.',
      en: 'Every commitment (action) on one line, in Dutch: theme, topic, text, kind, aldermen, budget lines, targets, districts and source lines.',
    }, commitments)
    await writeWorkbook({
      sources: { db: options.db, progress }, directory, tables: publicationTables, commitments: commitmentRows(options.db, metadata.agreements, actionId, progress),
      date: new Date(modifiedTimestamp(metadata.modified)), title: metadata.title.nl, publisherName: metadata.publisherName,
    })
    step('workbook')
    await add(workbookPath, 'xlsx', { nl: 'Excel-werkmap met alle tabellen', en: 'Excel workbook of every table' }, {
      nl: 'Excel-werkmap: eerst alle toezeggingen in één tabel, dan één tabblad per tabel, met Nederlandse kolomkoppen, echte getallen en datums.',
      en: 'Excel workbook: first every commitment in one table, then one sheet per table, with Dutch headers, real numbers and dates.',
    })
    await writeDatapackage({ directory, baseUrl: options.baseUrl, metadata, tables: publicationTables, files: new Map(files.map((f) => [f.path, f])) })
    await add(datapackagePath, 'json', { nl: 'Beschrijving van de tabellen (Data Package)', en: 'Description of the tables (Data Package)' }, {
      nl: 'Frictionless Data Package (v2): een Table Schema per CSV met typen, verplichte velden, sleutels en verwijzingen.',
      en: 'Frictionless Data Package (v2): a Table Schema per CSV with types, required fields, keys and references.',
    })

    step('datapackage')
    const changes = previousVersion ? await compareReleases(releaseFolder(options.outDir, previousVersion), directory, publicationTables) : null
    const chain = chainStatement(progress)
    const notes = versionNotesSummary(metadata.version, previousVersion, changes, chain)
    await writeFile(join(directory, versionNotesPath), versionNotesMarkdown(metadata.version, previousVersion, changes, chain))
    step('version notes')
    const zipDescription = {
      nl: 'Alle bestanden van de publicatie in één zip: CSV, NDJSON, JSON, RDF, Excel, de database, de brontekst, datapackage.json, LEESMIJ en versienotities.',
      en: 'Every file of the publication in one zip: CSV, NDJSON, JSON, RDF, Excel, the database, the source text, datapackage.json, LEESMIJ and version notes.',
    }
    await writeFile(join(directory, readmePath), readmeText({ metadata, baseUrl: options.baseUrl, notes, chain, files: [...files, { path: zipPath, description: zipDescription }] }))
    for (const [path, nl, en] of [[readmePath, 'Leesmij', 'Read me'], [versionNotesPath, 'Versienotities', 'Version notes']] as const) {
      await add(path, 'text', { nl, en }, { nl, en })
    }
    step('readme')
    // The zip holds the data and its description; the catalogue and SHA256SUMS describe the zip, so they stay outside.
    await writeZip({ directory, path: zipPath, folder: `open-akkoord-${metadata.version}`, files: files.map((f) => f.path), date: metadata.modified.slice(0, 10) })
    await add(zipPath, 'zip', { nl: 'Alles in één zip', en: 'Everything in one zip' }, zipDescription)
    step('zip')
    const zip = files.at(-1)!
    const releases = [...history, { version: metadata.version, notes, zip: { bytes: zip.bytes, sha256: zip.sha256 } }].sort((a, b) => (a.version < b.version ? -1 : 1))
    const feedPaths = await writeFeeds({ directory, db: options.db, baseUrl: options.baseUrl, metadata, progress, releases })
    for (const path of feedPaths) await add(path, 'feed', { nl: 'Atom-feed', en: 'Atom feed' }, { nl: 'Atom-feed', en: 'Atom feed' })
    step('feeds')
    // Text files (source texts, LEESMIJ, notes) and feeds are documentation, listed as pages; every other file is a distribution.
    const distributions = files.filter((f) => f.format !== 'text' && f.format !== 'feed')
    for (const path of await writeCatalog(directory, { baseUrl: options.baseUrl, publisherUri: options.publisherUri, metadata, distributions, datapackagePath, releases, notes, readmePath, feedPaths: feedPaths.filter((p) => !p.startsWith('feeds/voortgang/')) })) {
      await add(path, path.endsWith('.ttl') ? 'turtle' : 'jsonld', { nl: 'DCAT-catalogus', en: 'DCAT catalogue' }, { nl: 'DCAT-catalogus', en: 'DCAT catalogue' })
    }
    step('catalogue')
    await writeSha256Sums(directory, files)
    await writeManifest(directory, {
      format: publicationFormat, version: metadata.version, notes, database,
      progress: { editorialStore: options.editorial ? storeIdentity(options.editorial) : null, generation: published.generation },
      settings: { baseUrl: options.baseUrl, publisherUri: options.publisherUri, publisherName: options.publisherName },
    })
    await stampTimes(directory, metadata.modified)
    step('checksums, manifest, dates')
    return { outDir: options.outDir, version: metadata.version, previousVersion, generation: published.generation, files }
  })
}

/** Gives every file the data's date, so Last-Modified says when the data changed, not when the dump ran. */
async function stampTimes(directory: string, modified: string): Promise<void> {
  const time = new Date(modifiedTimestamp(modified))
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), time, time)
  }
}
