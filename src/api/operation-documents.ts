import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getOperationAST, parse } from 'graphql'
import { projectRoot } from '../config.js'
import { documentHash, type ManifestOperation, type PersistedQueryManifest } from './persisted-documents.js'

/** The operations the project publishes and checks: one named operation per .graphql file. */
export const operationsDir = join(projectRoot, 'src/api/operations')

/** Every operation file, by name, as its text. */
export function operationFiles(dir = operationsDir): { file: string; text: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

/**
 * The manifest of the operations (`npm run schema` writes it to
 * persisted-documents.json): each file's text, exactly as a client sends it,
 * under its SHA-256. A file must hold one named operation.
 */
export function buildManifest(dir = operationsDir): PersistedQueryManifest {
  const operations: ManifestOperation[] = operationFiles(dir).map(({ file, text }) => {
    const operation = getOperationAST(parse(text))
    if (!operation?.name) throw new Error(`${file}: must hold exactly one named operation`)
    return { id: documentHash(text), name: operation.name.value, type: operation.operation, body: text }
  })
  return { format: 'apollo-persisted-query-manifest', version: 1, operations }
}
