import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** A form posted after its session ended, kept until its author signs in again (at most an hour). */
export interface KeptForm {
  /** The page the form is shown on again, and the values of its fields by control id. */
  page: string
  values: Record<string, string>
  /** The account whose session posted it, when the browser still sent that session's cookie; null: any account signing in in this browser. */
  accountId: number | null
  keptAt: number
}

/** How long a kept form can be restored (also the Max-Age of the cookie that holds its key). */
export const keptFormSeconds = 3600

const purpose = Buffer.from('open-akkoord beheer kept form')
const reviewPost = /^\/beheer\/beoordelen\/(\d{1,15})\/(terugsturen|opmerking)$/
const retractPost = /^\/beheer\/afspraak\/([a-z0-9-]{1,200})\/intrekken$/
const recordPost = /^\/beheer\/(afspraak|doel)\/[a-z0-9-]{1,200}$/

/**
 * Where a posted form with typed text is shown again, with its values by
 * control id; null for a post that holds no typed text (publish, assign,
 * close a round, sign out) or a path that is no form.
 */
export function keptFormPage(path: string, form: URLSearchParams): { page: string; values: Record<string, string> } | null {
  const fields = Object.fromEntries([...form].filter(([name, value]) => name !== 'csrf' && value.trim() !== ''))
  const review = reviewPost.exec(path)
  const retract = retractPost.exec(path)
  const typed = (name: string, id: string) => (fields[name] ? { [id]: fields[name]! } : null)
  const values = review ? typed(review[2] === 'terugsturen' ? 'reason' : 'comment', `${review[2] === 'terugsturen' ? 'reden' : 'opmerking'}-${review[1]}`)
    : retract ? typed('reason', 'intrekken-reden')
    : recordPost.test(path) || path === '/beheer/rondes' ? fields : null
  if (!values || Object.keys(values).every((name) => name === 'expectedRevision')) return null
  return { page: review ? '/beheer/beoordelen' : retract ? `/beheer/afspraak/${retract[1]}` : path, values }
}

/**
 * Seals a kept form with AES-256-GCM under a fresh random key. The sealed
 * text travels in a hidden field of the sign-in form and the key in an
 * HttpOnly cookie, so neither the URL, the logs nor the store ever hold what
 * was typed, and neither half alone opens it.
 */
export function sealKeptForm(kept: KeptForm): { key: string; sealed: string } {
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(purpose)
  const body = Buffer.concat([cipher.update(JSON.stringify(kept), 'utf8'), cipher.final()])
  return { key: key.toString('base64url'), sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url') }
}

/** Opens a sealed form with its key: null when either was changed, they do not belong together, or it is older than an hour. */
export function openKeptForm(sealed: string | null | undefined, key: string | null | undefined, now = Date.now()): KeptForm | null {
  if (!sealed || !key || !/^[A-Za-z0-9_-]{43}$/.test(key) || !/^[A-Za-z0-9_-]{40,}$/.test(sealed)) return null
  const bytes = Buffer.from(sealed, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64url'), bytes.subarray(0, 12)).setAAD(purpose)
    decipher.setAuthTag(bytes.subarray(12, 28))
    const kept = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as KeptForm
    return now - kept.keptAt <= keptFormSeconds * 1000 && now >= kept.keptAt ? kept : null
  } catch {
    // A changed or foreign sealed text fails the authentication tag: nothing is restored.
    return null
  }
}
