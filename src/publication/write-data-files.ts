import type { Kysely } from 'kysely'
import { chmod, copyFile, mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Database } from '../store/database.js'
import { PublicationIntegrityError } from './publication-error.js'
import type { PublicationMetadata } from './publication-metadata.js'
import type { FileFormat, PublishedFile } from './published-file.js'
import type { ProgressRows } from './published-progress-rows.js'
import { publicationQuads } from './rdf-quads.js'
import { publicationTables } from './tables.js'
import { fileDigest, type FileDigest } from './text-file.js'
import { publicationPrefixes } from './vocabulary.js'
import { agreementJsonPath, writeAgreementJson } from './write-agreement-json.js'
import { sourceTextPath } from './write-datapackage.js'
import { writeRdf } from './write-rdf.js'
import { writeTable } from './write-tables.js'

const databaseCopyPath = 'open-akkoord.sqlite'
export const rdfPath = (format: 'turtle' | 'jsonld'): string => `rdf/open-akkoord.${format === 'turtle' ? 'ttl' : 'jsonld'}`

/** Where the data files come from. */
export interface DataFileSources {
  db: Kysely<Database>
  /** The SQLite file the database was opened from, copied as is. */
  databasePath: string
  /** The folder the agreements' source_file paths are relative to. */
  root: string
  baseUrl: string
  metadata: PublicationMetadata
  /** The published progress of the editorial store (nothing before the first publication). */
  progress: ProgressRows
  /** Called after each kind of file is written (see PublicationOptions.onStep). */
  onStep?: (step: string) => void
}

/**
 * Writes every data file into the directory: per table a CSV and an NDJSON,
 * per agreement a nested JSON document and its source text, the RDF as
 * Turtle and JSON-LD, and a copy of the database. Returns the files with
 * their sizes and SHA-256, in the order they were written.
 */
export async function writeDataFiles(directory: string, sources: DataFileSources): Promise<PublishedFile[]> {
  const files: PublishedFile[] = []
  // A file written here by streaming comes with its digest; a copied one is read for it.
  const described = async (file: string | { path: string; digest: FileDigest }, format: FileFormat, title: PublishedFile['title'], description: PublishedFile['description']) => {
    const { path, digest } = typeof file === 'string' ? { path: file, digest: await fileDigest(join(directory, file)) } : file
    files.push({ path, format, title, description, ...digest })
  }
  const { db, metadata, baseUrl } = sources
  const tableSources = { db, progress: sources.progress }
  const step = sources.onStep ?? (() => {})

  for (const table of publicationTables) {
    await described(await writeTable(tableSources, directory, table, 'csv'), 'csv', { nl: `${table.dutchTitle} (CSV)`, en: `${table.title} (CSV)` }, {
      nl: `${table.dutchTitle}: de tabel ${table.name} als CSV (UTF-8, komma's); de kolommen staan in datapackage.json.`, en: `${table.title} (CSV): ${table.description}`,
    })
  }
  step('csv tables')
  for (const table of publicationTables) {
    await described(await writeTable(tableSources, directory, table, 'ndjson'), 'ndjson', { nl: `${table.dutchTitle} (NDJSON)`, en: `${table.title} (NDJSON)` }, {
      nl: `${table.dutchTitle}: de tabel ${table.name} als NDJSON, één JSON-object per regel, met de kolommen van de CSV.`,
      en: `${table.title} (NDJSON, one JSON object per line, the columns of the CSV): ${table.description}`,
    })
  }
  step('ndjson tables')
  const copiedSources = new Set<string>()
  for (const agreement of metadata.agreements) {
    await described({ path: agreementJsonPath(agreement.slug), digest: await writeAgreementJson(tableSources, directory, agreement) }, 'json', { nl: `${agreement.subtitle} ${agreement.municipality} als genest JSON-document`, en: `${agreement.subtitle} ${agreement.municipality} as a nested JSON document` }, {
      nl: `${agreement.subtitle} ${agreement.municipality} als één genest JSON-document: thema's, onderwerpen, acties met hun alinea en voortgang, doelen met hun metingen, begroting, spelregels, portefeuilles.`,
      en: `${agreement.subtitle} ${agreement.municipality} as one nested JSON document: themes, topics, actions with their paragraph and progress, targets with their measurements, budget, rules, portfolios.`,
    })
    const sourcePath = sourceTextPath(agreement.sourceFile)
    // Agreements may share a source text (the synthetic benchmark data does): copy and list it once.
    if (copiedSources.has(sourcePath)) continue
    copiedSources.add(sourcePath)
    await copyVerified(resolve(sources.root, agreement.sourceFile), join(directory, sourcePath), agreement.sourceSha256)
    await described(sourcePath, 'text', { nl: `Brontekst van ${agreement.subtitle} ${agreement.municipality}`, en: `Source text of ${agreement.subtitle} ${agreement.municipality}` }, {
      nl: `De brontekst van ${agreement.subtitle} ${agreement.municipality}; de regelnummers in de data verwijzen hiernaar.`,
      en: `The source text of ${agreement.subtitle} ${agreement.municipality}; the line numbers in the data refer to it.`,
    })
  }
  step('agreement json')
  for (const format of ['turtle', 'jsonld'] as const) {
    const written = await writeRdf({
      directory, path: rdfPath(format), format, prefixes: publicationPrefixes,
      quads: () => publicationQuads(tableSources, publicationTables, baseUrl),
    })
    const label = format === 'turtle' ? 'Turtle' : 'JSON-LD'
    await described(written, format, { nl: `Alle records als linked data (${label})`, en: `Every record as linked data (${label})` }, {
      nl: `Alle records als RDF (${label}): schema.org, W3C ORG, FOAF en een eigen vocabulaire.`,
      en: `Every record as RDF (${label}): schema.org, W3C ORG, FOAF and an own vocabulary.`,
    })
    step(`rdf ${label}`)
  }
  await copyFile(sources.databasePath, join(directory, databaseCopyPath))
  await chmod(join(directory, databaseCopyPath), 0o644)
  step('database copy')
  await described(databaseCopyPath, 'sqlite', { nl: 'SQLite-database', en: 'SQLite database' }, {
    nl: 'Een kopie van de interne SQLite-database waaruit alle bestanden zijn gemaakt: een ander model dan de CSV-tabellen (eigen tabelnamen, getallen als sleutels, interne tabellen, zonder voortgang), beschreven door de migraties in src/store/migrations/ van het project. Voor analyse: de CSV-tabellen of de werkmap.',
    en: 'A copy of the internal SQLite database every file is made from: another model than the CSV tables (its own table names, integer keys, internal tables, no progress), described by the migrations in the project\'s src/store/migrations/. For analysis: the CSV tables or the workbook.',
  })
  return files
}

/** Copies a source text and checks it is the text the data quotes. */
async function copyVerified(from: string, to: string, sha256: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  await copyFile(from, to)
  // A copy keeps the source's mode; the publication's files are plain readable files.
  await chmod(to, 0o644)
  const digest = await fileDigest(to)
  if (digest.sha256 !== sha256) throw new PublicationIntegrityError(from, `SHA-256 is ${digest.sha256}, the data quotes ${sha256}`)
}
