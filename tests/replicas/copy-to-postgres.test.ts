import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { addAccount, revokeAccount } from '../../src/editorial/accounts.js'
import { assignActions } from '../../src/editorial/assignments.js'
import { verifyChain } from '../../src/editorial/audit-chain.js'
import { editDraft } from '../../src/editorial/edit-draft.js'
import type { EditorialActor } from '../../src/editorial/editorial-actor.js'
import { endSession, findSession, startSession } from '../../src/editorial/editor-sessions.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../src/editorial/record-revision.js'
import { closeRound, openRound } from '../../src/editorial/reporting-rounds.js'
import { retractRevision } from '../../src/editorial/retract-revision.js'
import { returnDraft } from '../../src/editorial/return-draft.js'
import { addReviewComment } from '../../src/editorial/review-comments.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'

const bin = postgresBinaries()
const agreement = 'assen-2022-2026'
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00Z`)

/** The outcome's record, or the test fails with its user errors. */
function ok<T>(outcome: { record: T | null; userErrors: unknown[] }): T {
  if (outcome.record === null) throw new Error(JSON.stringify(outcome.userErrors))
  return outcome.record
}

/** An editorial store with some of everything, made through the domain's own operations. Returns a live session's id. */
async function fill(store: EditorialStore): Promise<string> {
  const editor = (await addAccount(store, 'Redacteur', 'editor', at('2026-01-01'))).account
  const reviewer = (await addAccount(store, 'Controleur', 'reviewer', at('2026-01-01'))).account
  const admin = (await addAccount(store, 'Beheerder', 'admin', at('2026-01-01'))).account
  await addAccount(store, 'Oud-redacteur', 'editor', at('2026-01-02'))
  await revokeAccount(store, 'Oud-redacteur', at('2026-01-03'))
  const as = (account: typeof editor, day: string, hour = 9): EditorialActor => ({ account, requestId: `req-${day}-${hour}`, client: '192.0.2.7', now: at(day, hour) })
  const record = async (day: string, input: Partial<RevisionInput>) => ok(await recordRevision(store, as(editor, day), {
    subject: { agreement, type: 'action', slug: 'nieuw-jongerenbeleid-met-asser-jeugd' }, asOf: day, kind: 'assessment', status: 'IN_PROGRESS',
    explanation: `Stand van ${day}: "de raad" is geïnformeerd — €1.200.`,
    evidence: [
      { title: 'Raadsinformatiebrief', url: 'https://assen.bestuurlijkeinformatie.nl/Document/1', documentDate: '2026-02-01', kind: 'raadsinformatiebrief' },
      { title: 'Begroting 2026', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' },
    ],
    ...input,
  } as RevisionInput))
  ok(await openRound(store, as(admin, '2026-02-01'), { agreement, name: 'Voorjaar 2026', peildatum: '2026-03-31', opensOn: '2026-02-01', closesOn: '2026-04-30' }))
  const first = await record('2026-02-10', {})
  ok(await addReviewComment(store, as(reviewer, '2026-02-11'), { revisionId: first.id, comment: 'Graag de brief van februari erbij.' }))
  ok(await publishRevision(store, as(reviewer, '2026-02-12'), first.id))
  const measured = await record('2026-03-01', { subject: { agreement, type: 'target', slug: 'werkgelegenheidspact-5000-banen' }, kind: 'measurement', status: undefined, value: 1850.5 } as Partial<RevisionInput>)
  ok(await publishRevision(store, as(reviewer, '2026-03-02'), measured.id))
  const returned = await record('2026-03-05', { subject: { agreement, type: 'action', slug: 'pilot-basisbanen-structureel' }, status: 'ACHIEVED' })
  ok(await returnDraft(store, as(reviewer, '2026-03-06'), { revisionId: returned.id, reason: 'Nog niet besloten.' }))
  ok(await closeRound(store, as(admin, '2026-04-30'), agreement, 'voorjaar-2026'))
  const retraction = ok(await retractRevision(store, as(editor, '2026-05-01'), { revisionId: measured.id, reason: 'Verkeerd geteld.' }))
  ok(await publishRevision(store, as(reviewer, '2026-05-02'), retraction.id))
  await record('2026-05-10', { status: 'ACHIEVED' })
  ok(await assignActions(store, as(admin, '2026-05-11'), agreement, ['nieuw-jongerenbeleid-met-asser-jeugd', 'plek-voor-kunstenaars'], editor.id))
  // Refused operations are audited too: a publication by the author itself.
  const own = await record('2026-05-12', { subject: { agreement, type: 'action', slug: 'plek-voor-kunstenaars' } })
  expect((await publishRevision(store, as(editor, '2026-05-13'), own.id)).userErrors.length).toBeGreaterThan(0)
  // Its author edits it: a draft supersession, whose guards the copy must pass.
  ok(await editDraft(store, as(editor, '2026-05-14'), {
    revisionId: own.id, kind: 'assessment', status: 'ACHIEVED', asOf: '2026-05-14', explanation: 'Bijgewerkt: het atelier is open.',
    evidence: [{ title: 'Raadsinformatiebrief', url: 'https://assen.bestuurlijkeinformatie.nl/Document/2', documentDate: '2026-05-01', kind: 'raadsinformatiebrief' }],
  }))
  const origin = { requestId: 'req-session', client: '192.0.2.8' }
  const ended = await startSession(store, editor, 3_600_000, origin, new Date())
  await endSession(store, ended.sessionId, origin)
  return (await startSession(store, reviewer, 3_600_000, origin, new Date())).sessionId
}

/** Every row of every editorial table, in key order, as plain values. */
async function everyRow(read: (sql: string) => Promise<Record<string, unknown>[]>, tables: string[]): Promise<Record<string, Record<string, unknown>[]>> {
  const rows: Record<string, Record<string, unknown>[]> = {}
  for (const table of tables) rows[table] = await read(`SELECT * FROM ${table} ORDER BY 1`)
  return rows
}

describe.skipIf(bin === null)('copying a SQLite editorial store into PostgreSQL (private PostgreSQL)', { timeout: 300_000 }, () => {
  let server: PrivatePostgres
  let dir: string
  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    dir = mkdtempSync(join(tmpdir(), 'open-akkoord-copy-'))
  })
  afterAll(() => {
    server?.destroy()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('copies every row unchanged with `npm run copy-to-postgres`, the chain verifies on the copy, a session goes on there, and a second copy is refused', async () => {
    const path = join(dir, 'editorial.sqlite')
    const source = await openEditorialStore(path)
    const session = await fill(source)
    const sourceChain = await verifyChain(source)
    await source.close()
    expect(sourceChain.ok).toBe(true)
    const url = await server.createDatabase('copied')

    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/copy-to-postgres.ts', url, '--from', path], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } })
    const copied = run()
    expect(copied.status, copied.stderr).toBe(0)
    expect(copied.stdout).toMatch(/revision: 7 rows/)
    expect(copied.stdout).toMatch(/draft_supersession: 1 rows/)
    expect(copied.stdout).toContain(`the chain holds: ${sourceChain.links} links, head ${sourceChain.head}`)

    // Read back independently: better-sqlite3 on the file, pg on the server; every table the source has, row for row.
    const sqlite = new SQLite(path, { readonly: true })
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'editorial_migration%'").pluck().all() as string[]).sort()
    expect(tables).toEqual(expect.arrayContaining(['account', 'revision', 'evidence', 'publication', 'audit_entry', 'chain_link', 'editor_session', 'reporting_round', 'round_revision', 'review_comment', 'draft_return', 'assignment']))
    const before = await everyRow(async (q) => sqlite.prepare(q).all() as Record<string, unknown>[], tables)
    sqlite.close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    // integer and double precision come back as numbers, as SQLite gives them.
    const after = await everyRow(async (q) => (await client.query(q)).rows, tables)
    expect(after).toEqual(before)
    for (const table of ['revision', 'evidence', 'publication', 'audit_entry', 'chain_link', 'editor_session']) expect(after[table]!.length, table).toBeGreaterThan(0)
    expect(after.reporting_round![0]!.closed_at).not.toBeNull()
    await client.end()

    // The copy is a working store: the chain verifies, the reviewer's session goes on, and new rows get the next ids.
    const target = await openEditorialStore(url)
    try {
      expect(await verifyChain(target)).toEqual(sourceChain)
      expect((await findSession(target, session))?.account.name).toBe('Controleur')
      const next = (await addAccount(target, 'Nieuw', 'editor')).account
      expect(next.id).toBe(Math.max(...after.account!.map((a) => Number(a.id))) + 1)
    } finally {
      await target.close()
    }

    // A second copy into the same database is refused, and writes nothing.
    const again = run()
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/copy refused: the target holds editorial data already/)
    const check = new pg.Client({ connectionString: url })
    await check.connect()
    expect(Number((await check.query('SELECT count(*) AS n FROM revision')).rows[0].n)).toBe(7)
    await check.end()
  })
})
