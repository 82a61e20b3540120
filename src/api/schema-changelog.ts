import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { projectRoot } from '../config.js'

/** Where the released schemas and the schema changelog are kept. */
export const schemaReleasesDir = join(projectRoot, 'schema', 'releases')
const changelogPath = join(projectRoot, 'schema', 'changelog.yaml')

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')

const entrySchema = z.object({
  date: isoDate,
  release: isoDate,
  kind: z.enum(['breaking', 'deprecation', 'addition']),
  title: z.string().min(1),
  reason: z.string().min(20),
  replacement: z.string().min(10),
  changes: z.array(z.string().regex(/^\w+(\.\w+)*$/)),
}).strict()

/** One entry of the schema changelog: a change of the public schema, why, and what a client must do. */
export type SchemaChange = z.infer<typeof entrySchema>

/** The schema changelog (schema/changelog.yaml), newest first, checked. */
export function readSchemaChangelog(path = changelogPath): SchemaChange[] {
  return z.array(entrySchema).parse(parse(readFileSync(path, 'utf8')))
}

/** The released schema versions (dates), oldest first. */
export function schemaReleases(dir = schemaReleasesDir): string[] {
  return readdirSync(dir).filter((name) => /^\d{4}-\d{2}-\d{2}\.graphql$/.test(name)).map((name) => name.slice(0, -'.graphql'.length)).sort()
}

/** The SDL of a released schema. */
export function releasedSchema(version: string, dir = schemaReleasesDir): string {
  return readFileSync(join(dir, `${version}.graphql`), 'utf8')
}

/** Where the server serves the schema changelog and the released schemas (GraphiQL and the docs link to them). */
export const changelogPaths = { html: '/schema/changelog', atom: '/schema/changelog.atom', releases: '/schema/releases/' } as const
