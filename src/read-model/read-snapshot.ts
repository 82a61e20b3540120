import type { Store } from '../store/open-database.js'
import { readAgreementRecords } from './agreement-records.js'
import { AgreementSnapshot } from './agreement-snapshot.js'
import { entities } from './entities.js'
import type { AgreementRecord } from './records.js'
import { SqlReader, type StatementTally } from './sql-reader.js'

/**
 * How many agreements a snapshot keeps read whole. One agreement of the size
 * of Assen's takes about 0.6 MB of heap once indexed (docs/performance.md), so
 * the bound is about 40 MB however many agreements the database holds.
 */
const defaultAgreementCapacity = 64

/** A database with agreements that no reader can find: the snapshot's own failure, with the agreement named. */
class MissingAgreementError extends Error {
  override readonly name = 'MissingAgreementError'
  constructor(readonly agreementId: number) {
    super(`agreement ${agreementId} is not in the database`)
  }
}

/**
 * The read model of one generation of the database: an opened, read-only
 * file that never changes while open. The list of agreements is read at once;
 * each agreement is read whole on first use into an AgreementSnapshot and kept
 * among the `capacity` most recently used (an LRU), so memory stays bounded at
 * a thousand agreements. When the database holds no more agreements than the
 * capacity, all are read when the snapshot is made, so requests run no SQL.
 * SQLite stays the source: a new generation (a reopened file) gets a new
 * snapshot, and search still runs in SQLite (FTS5) through `reader`.
 */
export class ReadSnapshot {
  readonly reader: SqlReader
  /** Every agreement, oldest first (by presentation date, then slug). */
  readonly agreements: readonly AgreementRecord[]
  /** The most recently presented agreement; null for an empty database. */
  readonly current: AgreementRecord | null
  private readonly bySlug: ReadonlyMap<string, AgreementRecord>
  private readonly byId: ReadonlyMap<number, AgreementRecord>
  private readonly loaded = new Map<number, AgreementSnapshot>()

  constructor(private readonly store: Store, readonly capacity = defaultAgreementCapacity) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number of at least 1, not ${capacity}`)
    this.reader = new SqlReader(store.sqlite)
    const rows = this.reader.rows(entities.agreement.query(store.db).compile())
    this.agreements = Object.freeze(rows.map((row) => entities.agreement.map(row)))
    this.current = this.agreements.at(-1) ?? null
    this.bySlug = new Map(this.agreements.map((a) => [a.slug, a]))
    this.byId = new Map(this.agreements.map((a) => [a.id, a]))
    const preload = this.agreements.length <= capacity ? this.agreements : this.current ? [this.current] : []
    for (const agreement of preload) this.agreement(agreement.id)
  }

  /** An agreement by slug; null when none has it. */
  agreementBySlug(slug: string): AgreementRecord | null {
    return this.bySlug.get(slug) ?? null
  }

  /** An agreement by row id; null when none has it. */
  agreementById(id: number): AgreementRecord | null {
    return this.byId.get(id) ?? null
  }

  /** How many agreements are read whole at the moment (at most `capacity`). */
  get loadedCount(): number {
    return this.loaded.size
  }

  /**
   * One agreement read whole: from memory when it is among the most recently
   * used, else read from SQLite now (one statement per entity, counted on
   * `tally`), evicting the least recently used beyond the capacity.
   */
  agreement(id: number, tally?: StatementTally): AgreementSnapshot {
    const found = this.loaded.get(id)
    if (found) {
      // Map order is insertion order: moving the entry to the end makes the first entry the least recently used.
      this.loaded.delete(id)
      this.loaded.set(id, found)
      return found
    }
    const agreement = this.byId.get(id)
    if (!agreement) throw new MissingAgreementError(id)
    const snapshot = new AgreementSnapshot(agreement, readAgreementRecords(this.store.db, this.reader, id, tally))
    this.loaded.set(id, snapshot)
    if (this.loaded.size > this.capacity) this.loaded.delete(this.loaded.keys().next().value!)
    return snapshot
  }
}

const snapshots = new WeakMap<Store, ReadSnapshot>()

/**
 * The snapshot of an opened store, made on first use and kept as long as the
 * store: a store is one generation of the database, so its snapshot never
 * goes stale. Reopening the file gives a new store and so a new snapshot.
 */
export function snapshotOf(store: Store): ReadSnapshot {
  let snapshot = snapshots.get(store)
  if (!snapshot) {
    snapshot = new ReadSnapshot(store)
    snapshots.set(store, snapshot)
  }
  return snapshot
}
