import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { printedSchema } from '../api/executable-schema.js'
import { projectRoot } from '../config.js'

/** `npm run schema`: writes the sorted SDL of the API to schema.graphql (committed; a test fails when it drifts). */
const path = join(projectRoot, 'schema.graphql')
writeFileSync(path, printedSchema())
console.log(`wrote ${path}`)
