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
