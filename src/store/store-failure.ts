/** A failure of a store that is not a fault of the code: answered with a 503 and a message that says what to do. */
export interface StoreFailure {
  error: string
  message: string
  /** What is logged: at warn, since an operator, not a developer, has to act. */
  log: string
}

/**
 * What an SQLite error thrown by a route means to the client: another
 * process held the editorial store's write lock past EDITORIAL_BUSY_TIMEOUT_MS
 * (a retry will do), or the database file was overwritten in place under the
 * server (`cp` over the live file, rather than a rename as `npm run db:build`
 * does), so its pages no longer form a database. Undefined for anything else.
 */
export function storeFailure(error: unknown): StoreFailure | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  if (code === 'SQLITE_BUSY') return { error: 'busy', message: 'The editorial store is busy; try again shortly.', log: 'editorial store busy' }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return {
      error: 'database_changed',
      message: 'The database file was changed in place under the server and cannot be read. Put a good file in place by renaming it (npm run db:build does) and send SIGHUP, or restart.',
      log: 'the database file was changed in place (copied over?) and cannot be read; rename a good file into place and send SIGHUP',
    }
  }
  return undefined
}
