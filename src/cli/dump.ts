import { parseArgs } from 'node:util'
import { join, resolve } from 'node:path'
import { buildDatabase } from '../build/build-database.js'
import { databaseIsStale } from '../build/database-is-stale.js'
import { loadConfig, projectRoot } from '../config.js'
import { existsSync } from 'node:fs'
import { openEditorialStore } from '../editorial/open-editorial-store.js'
import { openDatabase } from '../store/open-database.js'
import { withPublicationLock } from '../publication/publication-lock.js'
import { dumpDatabaseOptions, writePublication } from '../publication/write-publication.js'

/**
 * `npm run dump -- [--out DIR]`: writes a release of the open-data
 * publication (CSV, NDJSON, JSON, RDF, Excel, DCAT catalogue, the database,
 * LEESMIJ, version notes, SHA256SUMS, a zip) into DIR (default
 * PUBLICATION_DIR), keeping earlier releases and swapping the new one in
 * atomically. Builds the database first when it is missing or older than its
 * data, as `npm start` does, so it works on a fresh clone. The published
 * progress comes from EDITORIAL_DATABASE when that store exists (a dump
 * never creates one).
 */
try {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true })
  const config = loadConfig()
  if (!config.publicBaseUrlSet) {
    console.warn(`warning: PUBLIC_BASE_URL is not set, so every IRI and download URL says ${config.publicBaseUrl}; set it to the address the files will be served from (NODE_ENV=production requires it)`)
  }
  const outDir = values.out ? resolve(process.cwd(), values.out) : config.publicationDir
  const inputs = [config.dataDir, join(projectRoot, 'db/source'), join(projectRoot, 'src/store/migrations')]
  if (databaseIsStale(config.databasePath, inputs)) {
    console.log(`building the database ${config.databasePath} first (it is missing or older than its data)`)
    await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
  }
  const store = openDatabase(config.databasePath, dumpDatabaseOptions)
  const editorial = config.editorialStore !== config.editorialDatabase || existsSync(config.editorialDatabase) ? await openEditorialStore(config.editorialStore, { poolSize: 2 }) : null
  try {
    const started = performance.now()
    const result = await withPublicationLock(outDir, () => writePublication({
      db: store.db, databasePath: config.databasePath, outDir, root: projectRoot,
      baseUrl: config.publicBaseUrl, publisherUri: config.publisherUri, publisherName: config.publisherName, editorial,
    }))
    const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0)
    const compared = result.previousVersion ? `, compared with release ${result.previousVersion}` : ', the first release'
    console.log(`wrote ${result.files.length + 1} files (${(bytes / 1e6).toFixed(1)} MB, data version ${result.version}${compared}) to ${join(result.outDir, 'releases', result.version)}, now current, in ${Math.round(performance.now() - started)} ms`)
  } finally {
    await editorial?.close()
    await store.db.destroy()
  }
} catch (error) {
  console.error(`dump failed, the previous publication is untouched: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
