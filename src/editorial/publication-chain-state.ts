import { chainHead } from './audit-chain.js'
import type { EditorialStore } from './open-editorial-store.js'

/** The hash chain as a publication left it: how many links, and the newest link's hash. */
interface ChainHead {
  length: number
  head: string
}

/** A publication with the chain state it recorded: what the open data states for it. */
export interface PublicationChainState extends ChainHead {
  publication: number
  publishedAt: string
  /** The published revision (an assessment, a measurement or a retraction) and its agreement and kind. */
  revisionId: number
  agreement: string
  kind: 'assessment' | 'measurement' | 'retraction'
}

/**
 * Records the chain's length and head as the publishing transaction leaves
 * it: called last in that transaction, after the publication's link and its
 * audit entry. The length counts on from the previous publication's state,
 * so a long chain is not counted whole at every publication (ids of the
 * links may have gaps on PostgreSQL, so they are counted, not subtracted).
 */
export async function recordChainState(store: EditorialStore, publicationId: number): Promise<ChainHead> {
  const head = await chainHead(store)
  const previous = await store.first(store.db.selectFrom('publication_chain_state').innerJoin('chain_link', 'chain_link.hash', 'publication_chain_state.chain_head')
    .select(['publication_chain_state.chain_length', 'chain_link.seq']).orderBy('publication_chain_state.publication_id', 'desc').limit(1))
  const since = await store.first(store.db.selectFrom('chain_link').select((eb) => eb.fn.countAll<number | string>().as('n')).where('seq', '>', previous?.seq ?? 0))
  const state = { length: (previous?.chain_length ?? 0) + Number(since?.n ?? 0), head }
  await store.run(store.db.insertInto('publication_chain_state').values({ publication_id: publicationId, chain_length: state.length, chain_head: state.head }))
  return state
}

/** The recorded chain state of every publication up to `generation`, in publication order. */
export async function readChainStates(store: EditorialStore, generation: number): Promise<PublicationChainState[]> {
  const rows = await store.all(store.db.selectFrom('publication_chain_state')
    .innerJoin('publication', 'publication.id', 'publication_chain_state.publication_id')
    .innerJoin('revision', 'revision.id', 'publication.revision_id')
    .select(['publication.id', 'publication.published_at', 'publication.revision_id', 'revision.agreement_slug', 'revision.kind', 'publication_chain_state.chain_length', 'publication_chain_state.chain_head'])
    .where('publication.id', '<=', generation).orderBy('publication.id'))
  return rows.map((row) => ({
    publication: Number(row.id), publishedAt: row.published_at, revisionId: Number(row.revision_id), agreement: row.agreement_slug, kind: row.kind,
    length: Number(row.chain_length), head: row.chain_head,
  }))
}
