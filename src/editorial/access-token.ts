import { createHash, randomBytes } from 'node:crypto'

const prefix = 'oa_'
// 32 random bytes: 256 bits, as 43 base64url characters.
const shape = /^oa_[A-Za-z0-9_-]{43}$/

/** A new random access token (256 bits). It is shown once and never stored: only its hash is. */
export function createAccessToken(): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** Whether a string has the shape of one of our tokens (checked before any lookup). */
export function isWellFormedToken(token: string): boolean {
  return shape.test(token)
}

/** The stored form of a token: SHA-256, hex. A 256-bit random token needs no slow hash: it cannot be guessed. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
