import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, projectRoot } from '../config.js'
import { readInferredValues, withInferredValuesBlock } from '../publication/inferred-values.js'
import { openDatabase } from '../store/open-database.js'

/**
 * `npm run docs:inferred`: writes the list of inferred values in
 * docs/data.md from the database, so the docs list what the data marks
 * (a test fails when they differ).
 */
const store = openDatabase(loadConfig().databasePath, { readonly: true })
try {
  const path = join(projectRoot, 'docs/data.md')
  writeFileSync(path, withInferredValuesBlock(readFileSync(path, 'utf8'), await readInferredValues(store.db)))
  console.log(`wrote the inferred values into ${path}`)
} finally {
  await store.db.destroy()
}
