import type { Kysely } from 'kysely'
import { join } from 'node:path'
import type { Database } from '../store/database.js'
import { replaceDirectoryAtomically } from './atomic-directory.js'
import { readPublicationMetadata } from './publication-metadata.js'
import type { PublishedFile } from './published-file.js'
import { writeSha256Sums } from './sha256-sums.js'
import { publicationTables } from './tables.js'
import { fileDigest } from './text-file.js'
import { writeCatalog } from './write-catalog.js'
import { writeDataFiles } from './write-data-files.js'
import { datapackagePath, writeDatapackage } from './write-datapackage.js'
import { writeZip } from './write-zip.js'

export const zipPath = 'open-akkoord.zip'

export interface PublicationOptions {
  db: Kysely<Database>
  databasePath: string
  /** The publication directory, replaced whole. */
  outDir: string
  /** The folder the agreements' source_file paths are relative to (the project root). */
  root: string
  /** The public address the IRIs, download URLs and catalogue use. */
  baseUrl: string
  publisherUri: string
  publisherName: string
}

export interface PublicationResult {
  outDir: string
  version: string
  /** Every file but SHA256SUMS, which lists them. */
  files: PublishedFile[]
}

/**
 * Writes the complete publication of every agreement in the database: data
 * files, datapackage.json, a zip of them, the DCAT catalogue describing each
 * file (the zip included) and SHA256SUMS of everything. It is written into a
 * temporary sibling of outDir and renamed into place when complete; on an
 * error the previous publication stays as it was.
 */
export async function writePublication(options: PublicationOptions): Promise<PublicationResult> {
  const metadata = await readPublicationMetadata(options.db, options.publisherName)
  return replaceDirectoryAtomically(options.outDir, async (directory) => {
    const files = await writeDataFiles(directory, { ...options, metadata })
    const byPath = new Map(files.map((f) => [f.path, f]))
    await writeDatapackage({ directory, baseUrl: options.baseUrl, metadata, tables: publicationTables, files: byPath })
    files.push({
      path: datapackagePath, format: 'json', title: datapackagePath,
      description: {
        nl: 'Frictionless Data Package (v2): een Table Schema per CSV met typen, verplichte velden, sleutels en verwijzingen.',
        en: 'Frictionless Data Package (v2): a Table Schema per CSV with types, required fields, keys and references.',
      },
      ...(await fileDigest(join(directory, datapackagePath))),
    })
    // The zip holds the data and its description; the catalogue and SHA256SUMS describe the zip, so they stay outside.
    await writeZip({ directory, path: zipPath, folder: `open-akkoord-${metadata.version}`, files: files.map((f) => f.path), date: metadata.modified })
    files.push({
      path: zipPath, format: 'zip', title: zipPath,
      description: {
        nl: 'Alle bestanden van de publicatie in één zip: CSV, NDJSON, JSON, RDF, de database, de brontekst en datapackage.json.',
        en: 'Every file of the publication in one zip: CSV, NDJSON, JSON, RDF, the database, the source text and datapackage.json.',
      },
      ...(await fileDigest(join(directory, zipPath))),
    })
    // The source texts are provenance, listed in the Data Package's sources; every other file is a distribution.
    const distributions = files.filter((f) => f.format !== 'text')
    for (const path of await writeCatalog(directory, { baseUrl: options.baseUrl, publisherUri: options.publisherUri, metadata, distributions, datapackagePath })) {
      files.push({ path, format: path.endsWith('.ttl') ? 'turtle' : 'jsonld', title: path, description: { nl: 'DCAT-catalogus', en: 'DCAT catalogue' }, ...(await fileDigest(join(directory, path))) })
    }
    await writeSha256Sums(directory, files)
    return { outDir: options.outDir, version: metadata.version, files }
  })
}
