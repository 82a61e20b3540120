import { readFileSync } from 'node:fs'
import { parse, validate } from 'graphql'
import { afterAll, describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { buildManifest, operationFiles } from '../../src/api/operation-documents.js'
import { manifestPath } from '../../src/api/persisted-documents.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

/** Variables a client would send with each document that needs some. */
const variables: Record<string, Record<string, unknown>> = {
  Search: { query: 'zwembad', types: ['ACTION', 'TOPIC', 'SECTION', 'BUDGET_LINE'] },
  PortfolioActions: { slug: 'staal' },
  TargetsByDeadline: { from: '2022-01-01', to: '2026-12-31' },
}

describe('the trusted documents (src/api/operations, persisted-documents.json)', () => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

  it('has a manifest that is up to date with the operation files (run `npm run schema` after changing one)', () => {
    expect(manifest).toEqual(buildManifest())
    expect(manifest.operations.length).toBe(operationFiles().length)
  })

  it.each(operationFiles().map((f) => [f.file, f.text] as const))('%s validates against the schema', (_file, text) => {
    expect(validate(executableSchema, parse(text)).map((e) => e.message)).toEqual([])
  })

  it.each(buildManifest().operations.map((o) => [o.name, o] as const))('%s runs by documentId without errors and finds data', async (name, operation) => {
    // An action that has targets and budget lines, so the detail document reads all it selects.
    const sample = (await app.data('{ actions(first: 1, filter: { hasTarget: true, hasBudget: true }) { edges { node { slug } } } }')).actions.edges[0].node.slug
    if (name === 'ActionDetail') variables[name] = { slug: sample }
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ documentId: `sha256:${operation.id}`, variables: variables[name] ?? {} }),
    })
    const body = await response.json() as any
    expect(body.errors).toBeUndefined()
    expect(JSON.stringify(body.data)).not.toMatch(/^\{("[^"]+":null,?)*\}$/)
    expect(body.extensions.cost.estimated).toBeLessThanOrEqual(body.extensions.cost.maximum)
  })
})
