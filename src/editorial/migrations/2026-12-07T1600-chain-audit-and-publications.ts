import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

/**
 * Version 1 of the chain's canonical form, fixed here with the migration that
 * introduced it (src/editorial/audit-chain.ts uses these very functions): a
 * JSON text of the row's columns in sorted order, no white space, and the hash
 * of a link SHA-256 over the previous link's hash, the row's kind and that text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
}

/** The hash of one link: the previous hash (64 zeros for the first), the kind of row, its canonical content. */
export function linkHash(previous: string, kind: string, content: unknown): string {
  return createHash('sha256').update(`${previous}\n${kind}\n${canonicalJson(content)}`).digest('hex')
}

export const genesisHash = '0'.repeat(64)

/**
 * The queries that read what a link covers: an audit entry's row, or a
 * publication with its revision and that revision's evidence in order.
 * Built here, run by the caller (the migration awaits them, the store runs them synchronously).
 */
export function linkQueries(db: Kysely<any>, kind: 'audit' | 'publication', rowId: number) {
  if (kind === 'audit') return { row: db.selectFrom('audit_entry').selectAll().where('id', '=', rowId), revision: null, evidence: null }
  const revisionId = db.selectFrom('publication').select('revision_id').where('id', '=', rowId)
  return {
    row: db.selectFrom('publication').selectAll().where('id', '=', rowId),
    revision: db.selectFrom('revision').selectAll().where('id', '=', revisionId),
    evidence: db.selectFrom('evidence').selectAll().where('revision_id', '=', revisionId).orderBy('position'),
  }
}

/** What a link's hash covers, from the rows linkQueries read; undefined when the row is gone. */
export function linkContent(row: unknown, revision: unknown, evidence: unknown[] | null): unknown {
  if (row === undefined) return undefined
  return evidence === null ? row : { publication: row, revision: revision ?? null, evidence }
}

async function readLinked(db: Kysely<any>, kind: 'audit' | 'publication', rowId: number): Promise<unknown> {
  const queries = linkQueries(db, kind, rowId)
  return linkContent(await queries.row.executeTakeFirst(), await queries.revision?.executeTakeFirst(), queries.evidence ? await queries.evidence.execute() : null)
}

/**
 * A hash chain over the audit trail and the publications: each link names a
 * row (an audit entry, or a publication with its revision and evidence) and
 * carries the SHA-256 of the previous link's hash and the row's canonical
 * content, so a changed, removed or inserted row breaks the chain from there
 * on. The links are append-only. Rows already in the store are chained here,
 * in the order they were written (by time, audit entries before the
 * publication of the same moment), without changing them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE chain_link (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('audit', 'publication')),
    row_id INTEGER NOT NULL,
    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
    UNIQUE (kind, row_id)
  ) STRICT`).execute(db)
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql.raw(`CREATE TRIGGER chain_link_no_${operation.toLowerCase()} BEFORE ${operation} ON chain_link
      BEGIN SELECT RAISE(ABORT, 'chain_link rows are append-only: ${operation} is refused'); END`).execute(db)
  }
  const audits = await db.selectFrom('audit_entry').select(['id', 'at']).execute()
  const publications = await db.selectFrom('publication').select(['id', 'published_at as at']).execute()
  const rows = [...audits.map((r) => ({ kind: 'audit' as const, id: r.id as number, at: r.at as string })), ...publications.map((r) => ({ kind: 'publication' as const, id: r.id as number, at: r.at as string }))]
    .sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? a.id - b.id : a.kind === 'audit' ? -1 : 1))
  let previous = genesisHash
  for (const row of rows) {
    const hash = linkHash(previous, row.kind, await readLinked(db, row.kind, row.id))
    await db.insertInto('chain_link').values({ kind: row.kind, row_id: row.id, previous_hash: previous, hash }).execute()
    previous = hash
  }
}
