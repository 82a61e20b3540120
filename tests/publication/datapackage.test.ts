import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { sharedPublication } from './publication-fixture.js'

const schemaDir = join(projectRoot, 'vendor/standards/frictionless-2.0')
const schema = (name: string) => JSON.parse(readFileSync(join(schemaDir, name), 'utf8'))
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let dir: string
let descriptor: any

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'))
})

function validator(name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true })
  formats.default(ajv)
  // The schemas mark long texts with format "textarea", an editor hint, not a constraint.
  ajv.addFormat('textarea', true)
  return ajv.compile(schema(name))
}

describe('datapackage.json', () => {
  it('validates against the vendored Frictionless Data Package v2 JSON Schema', () => {
    const validate = validator('datapackage.json')
    expect(validate(descriptor), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true)
  })

  it('has Table Schemas and dialects that validate against their own v2 schemas', () => {
    const validateSchema = validator('tableschema.json')
    const validateDialect = validator('tabledialect.json')
    const validateResource = validator('dataresource.json')
    for (const resource of descriptor.resources) {
      expect(validateSchema(resource.schema), `${resource.name}: ${JSON.stringify(validateSchema.errors?.slice(0, 3))}`).toBe(true)
      expect(validateDialect(resource.dialect), resource.name).toBe(true)
      expect(validateResource(resource), `${resource.name}: ${JSON.stringify(validateResource.errors?.slice(0, 3))}`).toBe(true)
    }
  })

  it('fails the schema when a required part is missing (the validator is live)', () => {
    const validate = validator('datapackage.json')
    const { resources: _resources, ...withoutResources } = descriptor
    expect(validate(withoutResources)).toBe(false)
    const badField = structuredClone(descriptor)
    badField.resources[0].schema.fields[0].type = 'no-such-type'
    expect(validator('datapackage.json')(badField)).toBe(false)
  })

  it('gives every resource its true size and SHA-256', () => {
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(dir, resource.path))
      expect(resource.bytes, resource.path).toBe(bytes.length)
      expect(resource.hash, resource.path).toBe(`sha256:${sha256(bytes)}`)
    }
  })

  it('says licence CC0-1.0, the data version, and the source text with its SHA-256', () => {
    expect(descriptor.licenses.map((l: { name: string }) => l.name)).toEqual(['CC0-1.0'])
    expect(descriptor.version).toBe('2026-11-28')
    expect(descriptor.created).toBe('2026-11-28T00:00:00Z')
    const [source] = descriptor.sources
    expect(source.hash).toBe('sha256:5b29bacfb07aa7f7867942efb1e082fef8dc5096e7baf8ce0e6cce12d53e454d')
    expect(`sha256:${sha256(readFileSync(join(dir, source.path)))}`).toBe(source.hash)
  })

  it('declares primary and foreign keys and enums where the data has them', () => {
    const actions = descriptor.resources.find((r: { name: string }) => r.name === 'actions')
    expect(actions.schema.primaryKey).toEqual(['id'])
    expect(actions.schema.foreignKeys).toContainEqual({ fields: ['topic_id'], reference: { resource: 'topics', fields: ['id'] } })
    expect(actions.schema.fields.find((f: { name: string }) => f.name === 'kind').constraints.enum).toEqual(
      ['new', 'continue', 'intensify', 'investigate', 'advocate', 'consult', 'support'])
    const sections = descriptor.resources.find((r: { name: string }) => r.name === 'sections')
    // A self-reference leaves the resource out (Table Schema v2).
    expect(sections.schema.foreignKeys).toContainEqual({ fields: ['parent_id'], reference: { fields: ['id'] } })
  })
})
