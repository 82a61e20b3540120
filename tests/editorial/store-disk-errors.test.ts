import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addAccount } from '../../src/editorial/accounts.js'
import { EditorialStoreDiskError } from '../../src/editorial/editorial-errors.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { storeFailure } from '../../src/store/store-failure.js'
import { freshEditorialTarget, onServer, testEngine } from '../editorial-target.js'

/** The error a promise rejects with, or null when it resolves. */
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error)

/** A write through the store until the error is not a cut connection (the pool's old connections are ended under it). */
async function writeError(store: EditorialStore, name: string): Promise<unknown> {
  for (let tries = 0; tries < 20; tries++) {
    const error = await rejection(addAccount(store, name, 'editor'))
    if (storeFailure(error)?.code !== 'STORE_UNAVAILABLE') return error
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the store stayed out of reach')
}

// A PostgreSQL server that takes no writes (a standby, or default_transaction_read_only as here) is STORE_READ_ONLY, as a read-only SQLite file is.
describe.skipIf(testEngine !== 'postgres')('a PostgreSQL editorial store that takes no writes', () => {
  it('is STORE_READ_ONLY (503, no detail), writes nothing, reads go on, and writes work again once it is writable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-disk-'))
    const { target } = await freshEditorialTarget(dir)
    const database = new URL(target).pathname.slice(1)
    const store = await openEditorialStore(target, { poolSize: 1 })
    const endConnections = () => onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`)
    try {
      await addAccount(store, 'eerste', 'editor')
      await onServer(`ALTER DATABASE ${database} SET default_transaction_read_only = on`)
      await endConnections()
      const error = await writeError(store, 'tweede')
      expect(error).toBeInstanceOf(EditorialStoreDiskError)
      const failure = storeFailure(error)!
      expect([failure.code, failure.status, failure.retry, failure.error]).toEqual(['STORE_READ_ONLY', 503, false, 'store_read_only'])
      expect(failure.message).not.toMatch(/postgres|127\.0\.0\.1|INSERT|account/i)
      expect((await store.all(store.db.selectFrom('account').select('name'))).map((a) => a.name)).toEqual(['eerste'])

      await onServer(`ALTER DATABASE ${database} RESET default_transaction_read_only`)
      await endConnections()
      expect(await writeError(store, 'tweede')).toBeNull()
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
