import type { EditorialStore } from './open-editorial-store.js'
import { publicStateGeneration, type ProgressSnapshot } from './progress-snapshot.js'
import { readPublicView, type PublicView } from './public-view.js'

/** The first wait before a failed read of the view is tried again; doubled after each failure up to maxRetryMs. */
const firstRetryMs = 250
const maxRetryMs = 5000

/** What a process holds of one store's public side: the view it serves, and how reading a newer one goes. */
interface Holder {
  served?: PublicView
  reading?: Promise<PublicView>
  /** The public state the last failed read was for: no request waits for it again until a newer state is known. */
  failedFor?: number
  failure?: { at: string; code: string }
  retryAt: number
  retryMs: number
  /** Told after each failed read (the refresher schedules its retry). */
  failed: Set<() => void>
}

const holders = new WeakMap<EditorialStore, Holder>()

function holderOf(store: EditorialStore): Holder {
  let holder = holders.get(store)
  if (!holder) holders.set(store, holder = { retryAt: 0, retryMs: firstRetryMs, failed: new Set() })
  return holder
}

/** Reads the view once for every caller at a time; a view only replaces an older one, so nothing served ever goes back. */
function read(store: EditorialStore, holder: Holder): Promise<PublicView> {
  if (holder.reading) return holder.reading
  const wanted = publicStateGeneration(store)
  holder.reading = readPublicView(store, holder.served).then((view) => {
    if (!holder.served || view.state > holder.served.state) holder.served = view
    holder.failedFor = undefined
    holder.failure = undefined
    holder.retryMs = firstRetryMs
    return holder.served
  }, (error: unknown) => {
    holder.failedFor = Math.max(holder.failedFor ?? 0, wanted)
    holder.failure = { at: new Date().toISOString(), code: String((error as { code?: unknown }).code ?? 'UNKNOWN') }
    holder.retryAt = Date.now() + holder.retryMs
    holder.retryMs = Math.min(maxRetryMs, holder.retryMs * 2)
    for (const told of holder.failed) told()
    throw error
  }).finally(() => { holder.reading = undefined })
  return holder.reading
}

/** Whether the served view is what the process should answer with now: current, or the newest it could read. */
function standing(store: EditorialStore, holder: Holder): PublicView | undefined {
  const served = holder.served
  if (!served) return undefined
  const known = publicStateGeneration(store)
  if (served.state >= known) return served
  // The read for this state failed (the store is out of reach): the previous view stands until a retry succeeds.
  if (holder.failedFor !== undefined && known <= holder.failedFor) return served
  return undefined
}

/**
 * The view the public side answers with. Current when the store can be read:
 * a newer public state (a publication, a round opened or closed) is read
 * first, so it shows in the very next answer. When that read fails, the view
 * served before stands (stale but whole, never older than one already
 * served) and the read is retried with backoff; only a process that never
 * read a view fails (the store's error: a 503).
 */
export async function servedPublicView(store: EditorialStore): Promise<PublicView> {
  const holder = holderOf(store)
  const kept = standing(store, holder)
  if (kept) {
    // Behind and due for another try: tried without keeping anyone waiting.
    if (kept.state < publicStateGeneration(store) && Date.now() >= holder.retryAt) read(store, holder).catch(() => undefined)
    return kept
  }
  const wanted = publicStateGeneration(store)
  try {
    const view = await read(store, holder)
    // A read begun before this state was known may be older than it: one more, begun now.
    return view.state >= wanted ? view : await read(store, holder)
  } catch (error) {
    if (holder.served) return holder.served
    throw error
  }
}

/**
 * The public state the next answer is built at, without a query: what caches
 * are checked against (the hit path). The served view's state when it stands;
 * else the newer state the next answer will read.
 */
export function answeringPublicState(store: EditorialStore): number {
  const holder = holderOf(store)
  return standing(store, holder)?.state ?? Math.max(publicStateGeneration(store), holder.served?.state ?? 0)
}

/** The published progress of an agreement, as servedPublicView has it. */
export async function progressSnapshot(store: EditorialStore, agreement: string): Promise<ProgressSnapshot> {
  return (await servedPublicView(store)).snapshot(agreement)
}

/** The picture of a closed reporting round: what was published up to the generation it closed at; later publications leave it as it was. */
export async function progressSnapshotAt(store: EditorialStore, agreement: string, generation: number): Promise<ProgressSnapshot> {
  return (await servedPublicView(store)).snapshotAt(agreement, generation)
}

/** How the served view stands, for /readyz: its generation, whether it is current, and the last failed read while it is not. */
export function publicViewStatus(store: EditorialStore): { generation: number | null; current: boolean; lastReadFailure: { at: string; code: string } | null } {
  const holder = holderOf(store)
  const served = holder.served
  return { generation: served?.generation ?? null, current: served !== undefined && served.state >= publicStateGeneration(store), lastReadFailure: holder.failure ?? null }
}

/** What keepPublicViewCurrent reports. */
export interface KeepCurrentOptions {
  /** Told of a failed read in the background (logged by the server); the view is read again with backoff. */
  onError?: (error: Error) => void
}

/**
 * Reads the view now, then again in the background whenever the store learns
 * of a newer public state (PostgreSQL: another replica's publication or round
 * through the publication listener), so a replica holds the latest view before
 * any request asks, also one that PostgreSQL leaves right after. A failed read
 * is retried with backoff (from 250 ms up to 5 s) until it succeeds. Returns
 * the function that stops it. Throws when the first read fails.
 */
export async function keepPublicViewCurrent(store: EditorialStore, options: KeepCurrentOptions = {}): Promise<() => void> {
  const holder = holderOf(store)
  await servedPublicView(store)
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const catchUp = () => {
    const wanted = publicStateGeneration(store)
    if (stopped || (holder.served?.state ?? -1) >= wanted) return
    const joined = holder.reading !== undefined
    read(store, holder).then((view) => {
      // A read begun before this state was known: once more.
      if (joined && view.state < wanted) setImmediate(catchUp)
    }, (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))))
  }
  const scheduleRetry = () => {
    if (stopped) return
    clearTimeout(retry)
    retry = setTimeout(catchUp, Math.max(0, holder.retryAt - Date.now()))
    retry.unref()
  }
  holder.failed.add(scheduleRetry)
  const unsubscribe = store.onPublicStateChange?.(catchUp) ?? (() => undefined)
  // A change learned while the first read was under way.
  catchUp()
  return () => {
    stopped = true
    clearTimeout(retry)
    holder.failed.delete(scheduleRetry)
    unsubscribe()
  }
}
