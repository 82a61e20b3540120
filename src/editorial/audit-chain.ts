import { sql } from 'kysely'
import { genesisHash, linkContent, linkHash, linkQueries } from './migrations/2026-12-07T1600-chain-audit-and-publications.js'
import type { EditorialStore } from './open-editorial-store.js'

export type LinkKind = 'audit' | 'publication'

/** The triggers that keep the editorial history append-only; a store without one of them has been tampered with. */
const guardTriggers = [
  'account_no_delete', 'account_only_revoked', 'revision_no_update', 'revision_no_delete', 'evidence_no_update', 'evidence_no_delete',
  'publication_no_update', 'publication_no_delete', 'publication_four_eyes', 'audit_entry_no_update', 'audit_entry_no_delete',
  'draft_return_no_update', 'draft_return_no_delete', 'chain_link_no_update', 'chain_link_no_delete',
  'draft_supersession_no_update', 'draft_supersession_no_delete', 'draft_supersession_own_draft', 'publication_not_superseded',
  'publication_chain_state_no_update', 'publication_chain_state_no_delete',
]

/** A chain state as a release states it (the table progress-publications): the first `length` links hash to `head`. */
export interface PublishedHead {
  length: number
  head: string
}

/** The state of the chain: its length and head, and the first thing found wrong, if any. */
export interface ChainState {
  ok: boolean
  links: number
  head: string
  /** The first entry that does not match, named so a person can find it. */
  problem?: string
  /** With a published head to check: whether the chain's first links, recomputed from the rows, still hash to it. */
  published?: { ok: boolean; problem?: string }
}

async function readContent(store: EditorialStore, kind: LinkKind, rowId: number): Promise<unknown> {
  const queries = linkQueries(store.db, kind, rowId)
  return linkContent(await store.first(queries.row), queries.revision ? await store.first(queries.revision) : null, queries.evidence ? await store.all(queries.evidence) : null)
}

/** The names of the store's triggers, from the engine's catalogue. */
async function triggerNames(store: EditorialStore): Promise<Set<string>> {
  const query = store.engine === 'sqlite' ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`
    : sql<{ name: string }>`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'`
  return new Set((await store.all({ compile: () => query.compile(store.db) })).map((row) => row.name))
}

/** The newest link's hash (64 zeros while the chain is empty). */
export async function chainHead(store: EditorialStore): Promise<string> {
  return (await store.first(store.db.selectFrom('chain_link').select('hash').orderBy('seq', 'desc').limit(1)))?.hash ?? genesisHash
}

/**
 * Appends the link of a row just written: the hash of the previous link's
 * hash and the row's canonical content. Runs in the writer's transaction (or
 * its own), so two processes never chain onto the same head.
 */
export async function appendLink(store: EditorialStore, kind: LinkKind, rowId: number): Promise<string> {
  return store.transaction(async () => {
    const previous = await chainHead(store)
    const hash = linkHash(previous, kind, await readContent(store, kind, rowId))
    await store.run(store.db.insertInto('chain_link').values({ kind, row_id: rowId, previous_hash: previous, hash }))
    return hash
  })
}

/** The hash of a publication's link, by publication id (published tables carry it). */
export async function publicationHashes(store: EditorialStore): Promise<Map<number, string>> {
  const rows = await store.all(store.db.selectFrom('chain_link').select(['row_id', 'hash']).where('kind', '=', 'publication'))
  return new Map(rows.map((row) => [row.row_id, row.hash]))
}

/** Whether a published head holds once the walk has read `links` links ending in `hash`; undefined while it is still ahead. */
function checkPublished(published: PublishedHead, links: number, hash: string): ChainState['published'] {
  if (links !== published.length) return undefined
  if (hash === published.head) return { ok: true }
  return { ok: false, problem: `the first ${links} links hash to ${hash}, not to the published head ${published.head}: the history before that publication was rewritten` }
}

/**
 * Walks the chain from its start and names the first link that does not
 * match its row (changed, deleted) or its predecessor (a link removed or
 * inserted), a publication's recorded chain state the chain no longer has,
 * then any audit entry or publication outside the chain (a row inserted
 * behind the triggers' back) or without a recorded state, then any missing
 * guard trigger. With `published` (a head a release stated) it also says
 * whether the chain's first links, each recomputed from its row, still hash
 * to that head: what catches a store rewritten with every hash recomputed.
 */
export async function verifyChain(store: EditorialStore, published?: PublishedHead): Promise<ChainState> {
  let previous = genesisHash
  let links = 0
  let prefix: ChainState['published'] = published && published.length === 0 ? checkPublished(published, 0, previous) : undefined
  const result = (state: ChainState): ChainState => {
    if (!published) return state
    const ahead = state.ok ? `the chain has ${links} links; the published head names ${published.length}: links were removed` : `the chain breaks within the published head's ${published.length} links: ${state.problem}`
    return { ...state, published: prefix ?? { ok: false, problem: ahead } }
  }
  const bad = (problem: string): ChainState => result({ ok: false, links, head: previous, problem })
  const present = await triggerNames(store)
  const dropped = guardTriggers.filter((name) => !present.has(name))
  // Read before the links, so every state read names links the walk will read (a publication may commit meanwhile).
  const recorded = await store.all(store.db.selectFrom('publication_chain_state').select(['publication_id', 'chain_length', 'chain_head']).orderBy('chain_length').orderBy('publication_id'))
  let nextRecorded = 0
  // Read in pages: a long chain is never held in memory at once.
  for (let after = 0; ;) {
    const page = await store.all(store.db.selectFrom('chain_link').select(['seq', 'kind', 'row_id', 'previous_hash', 'hash']).where('seq', '>', after).orderBy('seq').limit(1000))
    if (page.length === 0) break
    for (const link of page) {
      const what = `link ${link.seq} (${link.kind === 'audit' ? 'audit entry' : 'publication'} ${link.row_id})`
      if (link.previous_hash !== previous) return bad(`${what} does not follow the link before it: a link was removed or inserted`)
      const content = await readContent(store, link.kind, link.row_id)
      if (content === undefined) return bad(`${what}: the row is gone (deleted)`)
      if (linkHash(previous, link.kind, content) !== link.hash) return bad(`${what}: the row was changed after it was written`)
      previous = link.hash
      links += 1
      after = link.seq
      if (published) prefix ??= checkPublished(published, links, previous)
      for (let state = recorded[nextRecorded]; state && Number(state.chain_length) === links; state = recorded[++nextRecorded]) {
        if (state.chain_head !== previous) return bad(`publication ${state.publication_id} recorded the chain at ${links} links with head ${state.chain_head}, but link ${link.seq} is ${previous}: the recorded state or the links were changed`)
      }
    }
  }
  const beyond = recorded[nextRecorded]
  if (beyond) return bad(`publication ${beyond.publication_id} recorded the chain at ${beyond.chain_length} links, but it has ${links}: links were removed`)
  for (const [kind, table] of [['audit', 'audit_entry'], ['publication', 'publication']] as const) {
    const outside = await store.first(store.db.selectFrom(table).select('id')
      .where('id', 'not in', store.db.selectFrom('chain_link').select('row_id').where('kind', '=', kind)).orderBy('id').limit(1))
    if (outside !== undefined) return bad(`${table === 'audit_entry' ? 'audit entry' : 'publication'} ${outside.id} is not in the chain: it was inserted behind the store's back`)
  }
  const stateless = await store.first(store.db.selectFrom('publication').select('id')
    .where('id', 'not in', store.db.selectFrom('publication_chain_state').select('publication_id')).orderBy('id').limit(1))
  if (stateless !== undefined) return bad(`publication ${stateless.id} has no recorded chain state: it was inserted behind the store's back`)
  if (dropped.length > 0) return bad(`the append-only triggers ${dropped.join(', ')} are missing`)
  return result({ ok: true, links, head: previous })
}
