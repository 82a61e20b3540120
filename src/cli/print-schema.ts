import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { costFigureMarkers, costFigures } from '../api/cost-figures.js'
import { withGenerated } from '../api/generated-docs.js'
import { possibleTypesMarkers, possibleTypesSource } from '../api/possible-types.js'
import { executableSchema, printedSchema } from '../api/executable-schema.js'
import { buildManifest } from '../api/operation-documents.js'
import { manifestPath } from '../api/persisted-documents.js'
import { schemaReleasesDir } from '../api/schema-changelog.js'
import { projectRoot } from '../config.js'

/**
 * `npm run schema`: writes the sorted SDL of the API to schema.graphql and the
 * trusted documents' manifest to persisted-documents.json, and the cost
 * figures and possibleTypes of docs/api.md from the server's estimate and schema (all committed; a test
 * fails when any drifts). `npm run schema -- --release YYYY-MM-DD`
 * also keeps the schema as that release in schema/releases/, the schema the
 * next one is compared with (tests/api/schema-releases.test.ts).
 */
const path = join(projectRoot, 'schema.graphql')
writeFileSync(path, printedSchema())
console.log(`wrote ${path}`)
writeFileSync(manifestPath, `${JSON.stringify(buildManifest(), null, 2)}\n`)
console.log(`wrote ${manifestPath}`)
const apiDocs = join(projectRoot, 'docs', 'api.md')
const withCosts = withGenerated(readFileSync(apiDocs, 'utf8'), costFigureMarkers, costFigures(executableSchema))
writeFileSync(apiDocs, withGenerated(withCosts, possibleTypesMarkers, possibleTypesSource(executableSchema)))
console.log(`wrote the cost figures and possibleTypes of ${apiDocs}`)
const release = process.argv.indexOf('--release')
if (release !== -1) {
  const version = process.argv[release + 1] ?? ''
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    console.error('--release needs a version YYYY-MM-DD')
    process.exit(2)
  }
  const target = join(schemaReleasesDir, `${version}.graphql`)
  writeFileSync(target, printedSchema())
  console.log(`wrote ${target}`)
}
