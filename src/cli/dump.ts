import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { loadConfig, projectRoot } from '../config.js'
import { openDatabase } from '../store/open-database.js'
import { writePublication } from '../publication/write-publication.js'

/**
 * `npm run dump -- [--out DIR]`: writes the complete open-data publication
 * (CSV, NDJSON, JSON, RDF, DCAT catalogue, the database, SHA256SUMS, a zip)
 * into DIR, default PUBLICATION_DIR, replacing the previous one atomically.
 */
try {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true })
  const config = loadConfig()
  const outDir = values.out ? resolve(process.cwd(), values.out) : config.publicationDir
  const store = openDatabase(config.databasePath, { readonly: true })
  try {
    const started = performance.now()
    const result = await writePublication({
      db: store.db, databasePath: config.databasePath, outDir, root: projectRoot,
      baseUrl: config.publicBaseUrl, publisherUri: config.publisherUri, publisherName: config.publisherName,
    })
    const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0)
    console.log(`wrote ${result.files.length + 1} files (${(bytes / 1e6).toFixed(1)} MB, data version ${result.version}) to ${result.outDir} in ${Math.round(performance.now() - started)} ms`)
  } finally {
    await store.db.destroy()
  }
} catch (error) {
  console.error(`dump failed, the previous publication is untouched: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
