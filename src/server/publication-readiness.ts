/**
 * Why the publication could not be written at start (or at the last SIGHUP):
 * /readyz reports the instance not ready with it until a later write succeeds.
 * Only a code and a fixed sentence: never a path or a stack.
 */
export interface PublicationFailure {
  /** When the write failed (ISO 8601). */
  at: string
  /** The error's code (EACCES, ENOTDIR, ENOSPC, STORE_UNAVAILABLE, ...), or UNKNOWN. */
  code: string
  reason: string
}

/** A failed write of the publication, as /readyz reports it. */
export function publicationFailureOf(error: unknown, now = new Date()): PublicationFailure {
  const code = (error as { code?: unknown } | null)?.code
  return {
    at: now.toISOString(),
    // Error codes are short words; anything else (a message, a number with a path in it) is not passed on.
    code: typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,40}$/.test(code) ? code : 'UNKNOWN',
    reason: 'writing the publication failed: /data/ serves the previous release, if any, which may disagree with the API. Fix the cause (see the log) and send SIGHUP, or restart.',
  }
}
