/** A failure of a store that is not a fault of the code: answered with a 503 (507 for a full store) and a message that says what to do. */
export interface StoreFailure {
  /** The JSON problem's `error` (and, for /beheer, which Dutch text the page shows). */
  error: string
  message: string
  /** What is logged: at warn, since an operator, not a developer, has to act. */
  log: string
  /** The HTTP status: 503, or 507 Insufficient Storage for a full store. */
  status: 503 | 507
  /** The GraphQL `extensions.code` (src/api/errors.ts). */
  code: 'STORE_UNAVAILABLE' | 'STORE_FULL' | 'STORE_READ_ONLY' | 'STORE_IO_ERROR'
  /** Whether a retry shortly may succeed (the answer then carries Retry-After); false when an operator has to act first. */
  retry: boolean
}

/** The editorial store's disk refusing (src/editorial/editorial-errors.ts, EditorialStoreDiskError): nothing was written, an operator has to act. */
const diskFailures: Record<string, StoreFailure> = {
  STORE_FULL: {
    error: 'store_full', status: 507, code: 'STORE_FULL', retry: false,
    message: 'The editorial store is full; nothing was saved. Try again once the server\'s operator has made room.',
    log: 'the editorial store is full (disk space or its size limit): every write fails until room is made',
  },
  STORE_READ_ONLY: {
    error: 'store_read_only', status: 503, code: 'STORE_READ_ONLY', retry: false,
    message: 'The editorial store takes no changes just now; nothing was saved. Try again once the server\'s operator has made it writable.',
    log: 'the editorial store is read-only (file or file system mode, the file moved away, or a standby server): every write fails',
  },
  STORE_IO_ERROR: {
    error: 'store_io_error', status: 503, code: 'STORE_IO_ERROR', retry: false,
    message: 'The editorial store\'s disk failed; nothing was saved. Try again once the server\'s operator has checked it.',
    log: 'the editorial store\'s disk failed to read or write (I/O error)',
  },
}

/**
 * What an SQLite error thrown by a route means to the client: another
 * process held the editorial store's write lock past EDITORIAL_BUSY_TIMEOUT_MS
 * (a retry will do), or the database file was overwritten in place under the
 * server (`cp` over the live file, rather than a rename as `npm run db:build`
 * does), so its pages no longer form a database; or a PostgreSQL editorial
 * store that cannot be reached (stopped, restarting, the network cut: the
 * pool connects again by itself); or the editorial store's disk refusing
 * (full, read-only, failing), which a retry does not mend. Undefined for anything else.
 */
export function storeFailure(error: unknown): StoreFailure | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  if (Object.hasOwn(diskFailures, code)) return diskFailures[code]
  const transient = { status: 503, code: 'STORE_UNAVAILABLE', retry: true } as const
  if (code === 'SQLITE_BUSY') return { ...transient, error: 'busy', message: 'The editorial store is busy; try again shortly.', log: 'editorial store busy' }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return {
      ...transient,
      error: 'database_changed',
      message: 'The database file was changed in place under the server and cannot be read. Put a good file in place by renaming it (npm run db:build does) and send SIGHUP, or restart.',
      log: 'the database file was changed in place (copied over?) and cannot be read; rename a good file into place and send SIGHUP',
    }
  }
  if (connectionLost(error, code)) {
    return { ...transient, error: 'store_unavailable', message: 'The editorial store cannot be reached just now; try again shortly.', log: 'the editorial store (PostgreSQL) cannot be reached; the pool reconnects by itself' }
  }
  return undefined
}

/** Socket errors of a connection to PostgreSQL that could not be made or was cut. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Whether a PostgreSQL error means the server is out of reach rather than
 * that the query was wrong: a socket error, SQLSTATE class 08 (connection
 * exception), 57P01-57P03 (the server shutting down or starting up), 53300
 * (too many connections), or node-postgres's own messages for a connection
 * ended under it or a pool that could not connect in time (these carry no code).
 */
function connectionLost(error: unknown, code: string): boolean {
  // STORE_UNAVAILABLE: the editorial store's own name for the same (src/editorial/editorial-errors.ts).
  if (code === 'STORE_UNAVAILABLE' || socketCodes.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true
  const message = error instanceof Error ? error.message : ''
  return /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error|^Connection ended unexpectedly/.test(message)
}
