/** An account name that is already taken. */
export class AccountExistsError extends Error {
  override readonly name = 'AccountExistsError'
  constructor(readonly account: string) {
    super(`an account named ${JSON.stringify(account)} exists already (names are never reused, even after revoking)`)
  }
}

/** An account name that names no account, or none that is still active. */
export class AccountNotFoundError extends Error {
  override readonly name = 'AccountNotFoundError'
  constructor(readonly account: string, reason = 'no account has that name') {
    super(`account ${JSON.stringify(account)}: ${reason}`)
  }
}

/** An account name or role the store would refuse. */
export class InvalidAccountError extends Error {
  override readonly name = 'InvalidAccountError'
}

/** The editorial store cannot be reached now (a PostgreSQL server down or its connection lost): try again shortly. */
export class EditorialStoreUnavailableError extends Error {
  override readonly name = 'EditorialStoreUnavailableError'
  readonly code = 'STORE_UNAVAILABLE'
  constructor(cause: unknown) {
    super('the editorial store cannot be reached now; try again shortly', { cause })
  }
}

/** What the disk under the editorial store refused: it is full, it takes no writes, or it fails. */
export type StoreDiskCode = 'STORE_FULL' | 'STORE_READ_ONLY' | 'STORE_IO_ERROR'

const diskMessages: Record<StoreDiskCode, string> = {
  STORE_FULL: 'the editorial store is full (its disk, or its size limit): nothing was written',
  STORE_READ_ONLY: 'the editorial store takes no writes now (a read-only file, file system or server): nothing was written',
  STORE_IO_ERROR: 'the editorial store\'s disk failed to read or write: nothing was written',
}

/**
 * The editorial store's disk refused (SQLite: SQLITE_FULL, SQLITE_READONLY*,
 * SQLITE_IOERR*; PostgreSQL: 53100 disk full, 25006 a read-only server, 58030
 * an I/O error). The transaction it happened in was rolled back whole; a
 * retry will not help until an operator frees space or makes the store writable.
 */
export class EditorialStoreDiskError extends Error {
  override readonly name = 'EditorialStoreDiskError'
  constructor(readonly code: StoreDiskCode, cause: unknown) {
    super(diskMessages[code], { cause })
  }
}

/** A write asked for inside a read-only transaction: a fault of the code, never of the store. */
export class WriteInReadOnlyTransactionError extends Error {
  override readonly name = 'WriteInReadOnlyTransactionError'
  readonly code = 'WRITE_IN_READ_ONLY_TRANSACTION'
  constructor() {
    super('a write was asked for inside a read-only transaction of the editorial store')
  }
}
