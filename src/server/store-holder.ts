import { snapshotOf } from '../read-model/read-snapshot.js'
import { openCheckedDatabase } from '../store/check-database.js'
import type { Store } from '../store/open-database.js'
import type { StoreLease } from '../store/store-lease.js'

interface Opened {
  store: Store
  generation: number
  leases: number
  retired: boolean
}

/**
 * Holds the read-only database the server answers from. `db:build` renames a
 * new file into place; an open handle keeps reading the old file (its inode
 * lives on until closed), so running requests are never mixed or corrupted.
 * `reopen()` (on SIGHUP) opens the new file for new requests and closes the
 * old handle once the last request that leased it has finished. Every file is
 * checked before it serves (openCheckedDatabase): a bad one is refused with a
 * DatabaseCheckError, at start as on a reopen, and on a reopen the good one
 * stays in service.
 */
export class StoreHolder {
  private opened: Opened
  private readonly retiring = new Set<Opened>()
  private closed = false

  private readonly listeners = new Set<(generation: number) => void>()

  constructor(private readonly path: string) {
    this.opened = { store: this.open(), generation: 1, leases: 0, retired: false }
  }

  /** Opens the file and reads its snapshot (src/read-model/read-snapshot.ts), so the first request finds it ready. */
  private open(): Store {
    // Checked before anything else reads it (integrity, schema version, an agreement): a bad file never serves.
    const store = openCheckedDatabase(this.path)
    try {
      snapshotOf(store)
      return store
    } catch (error) {
      store.sqlite.close()
      throw error
    }
  }

  /**
   * Calls `listener` with the number of each new generation, once it serves
   * new requests: the hook for whatever is derived from the database (caches,
   * progress figures) to drop what it made from the previous one.
   * Returns the function that removes the listener.
   */
  onGeneration(listener: (generation: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The generation new requests get; a response cache tags entries with it. */
  get generation(): number {
    return this.opened.generation
  }

  /** Leases the current store for one request. */
  acquire(): StoreLease {
    if (this.closed) throw new Error('the database is closed')
    const opened = this.opened
    opened.leases += 1
    let released = false
    return {
      store: opened.store,
      generation: opened.generation,
      release: () => {
        if (released) return
        released = true
        opened.leases -= 1
        if (opened.retired && opened.leases === 0) this.close(opened)
      },
    }
  }

  /** Whether the current store answers a query: for /readyz. */
  async ping(): Promise<boolean> {
    if (this.closed) return false
    const lease = this.acquire()
    try {
      const row = await lease.store.db.selectFrom('agreement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      return row !== undefined
    } catch {
      return false
    } finally {
      lease.release()
    }
  }

  /**
   * Opens the database file again (a rebuilt one, after `db:build`) for new
   * requests. If opening or the check fails, the current store stays in service.
   */
  reopen(): number {
    const next: Opened = { store: this.open(), generation: this.opened.generation + 1, leases: 0, retired: false }
    const previous = this.opened
    this.opened = next
    previous.retired = true
    if (previous.leases === 0) this.close(previous)
    else this.retiring.add(previous)
    for (const listener of this.listeners) listener(next.generation)
    return next.generation
  }

  /** Closes every handle; leases still out are cut off (used at shutdown, after in-flight requests finished). */
  closeAll(): void {
    this.closed = true
    for (const opened of [this.opened, ...this.retiring]) this.close(opened)
  }

  private close(opened: Opened): void {
    this.retiring.delete(opened)
    try {
      opened.store.sqlite.close()
    } catch {
      // Already closed: nothing to do.
    }
  }
}
