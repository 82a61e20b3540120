import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { modifiedTimestamp, type PublicationMetadata } from './publication-metadata.js'
import type { PublishedFile } from './published-file.js'
import type { TableDefinition } from './table-definition.js'
import { tableSchemaOf } from './table-schemas.js'
import { cc0Iri } from '../model/cc0.js'
import { tablePath } from './tables.js'

export const datapackagePath = 'datapackage.json'

/**
 * Writes datapackage.json: a Frictionless Data Package (v2) with one tabular
 * resource per CSV, each with its Table Schema, size and SHA-256; licence
 * CC0-1.0, the source texts with their hashes, and the data version.
 */
export async function writeDatapackage(options: {
  directory: string
  baseUrl: string
  metadata: PublicationMetadata
  tables: readonly TableDefinition[]
  /** The CSV files and the copied source texts, already written. */
  files: ReadonlyMap<string, PublishedFile>
}): Promise<string> {
  const { metadata, files } = options
  const digest = (path: string): PublishedFile => {
    const file = files.get(path)
    if (!file) throw new Error(`${path} was not written before the data package`)
    return file
  }
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'open-akkoord',
    id: `${options.baseUrl}/id/dataset/open-akkoord`,
    title: metadata.title.nl,
    description: metadata.description.nl,
    homepage: `${options.baseUrl}/`,
    version: metadata.version,
    // The data version, not the clock: the same data gives the same file.
    created: modifiedTimestamp(metadata.modified),
    keywords: metadata.keywords,
    contributors: [{ title: metadata.publisherName, roles: ['publisher'], email: metadata.contactEmail }],
    licenses: [{ name: 'CC0-1.0', path: cc0Iri, title: 'Creative Commons Zero v1.0 Universal' }],
    sources: [...new Map(metadata.agreements.map((a) => {
      const file = digest(sourceTextPath(a.sourceFile))
      return [file.path, { title: `${a.subtitle} ${a.municipality}: ${a.title} (brontekst)`, path: file.path, version: a.dataVersion, hash: `sha256:${file.sha256}` }]
    })).values()],
    resources: options.tables.map((table) => {
      const file = digest(tablePath(table, 'csv'))
      return {
        name: table.name,
        type: 'table',
        path: file.path,
        title: table.title,
        description: table.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: tableSchemaOf(table),
      }
    }),
  }
  await writeFile(join(options.directory, datapackagePath), `${JSON.stringify(descriptor, null, 2)}\n`)
  return datapackagePath
}

/** Where a source text is copied inside the publication: source/<file name>. */
export const sourceTextPath = (sourceFile: string): string => `source/${sourceFile.split('/').at(-1)}`
