import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { printedSchema } from '../api/executable-schema.js'
import { buildManifest } from '../api/operation-documents.js'
import { manifestPath } from '../api/persisted-documents.js'
import { projectRoot } from '../config.js'

/**
 * `npm run schema`: writes the sorted SDL of the API to schema.graphql and the
 * trusted documents' manifest to persisted-documents.json (both committed; a
 * test fails when either drifts).
 */
const path = join(projectRoot, 'schema.graphql')
writeFileSync(path, printedSchema())
console.log(`wrote ${path}`)
writeFileSync(manifestPath, `${JSON.stringify(buildManifest(), null, 2)}\n`)
console.log(`wrote ${manifestPath}`)
