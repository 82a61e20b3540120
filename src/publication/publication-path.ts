import { lstat, realpath } from 'node:fs/promises'
import { join, sep } from 'node:path'

/** A request path that may not be served: malformed (400) or not a file of the publication (404). */
export class PublicationPathError extends Error {
  override readonly name = 'PublicationPathError'
  constructor(readonly status: 400 | 404, readonly requestPath: string, reason: string) {
    super(`${requestPath}: ${reason}`)
  }
}

/**
 * Turns the part of a URL path after /data/ into a regular file inside the
 * publication, or throws PublicationPathError. Rejected: bad percent
 * encoding, NUL bytes, backslashes, empty, `.`, `..` and hidden segments
 * (encoded or not), anything that is not a regular file, and any symlink on
 * the way: the real path must be exactly the joined path.
 */
export async function resolvePublicationFile(root: string, rawPath: string): Promise<{ path: string; relative: string }> {
  let decoded: string[]
  try {
    decoded = rawPath.split('/').map((segment) => decodeURIComponent(segment))
  } catch {
    throw new PublicationPathError(400, rawPath, 'bad percent encoding')
  }
  for (const segment of decoded) {
    if (segment.includes('\0') || segment.includes('\\')) throw new PublicationPathError(400, rawPath, 'NUL byte or backslash')
    if (segment.includes('/')) throw new PublicationPathError(400, rawPath, 'encoded slash')
    if (segment === '' || segment.startsWith('.')) throw new PublicationPathError(404, rawPath, 'empty, dot or hidden segment')
  }
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch {
    throw new PublicationPathError(404, rawPath, 'no publication')
  }
  const wanted = join(realRoot, ...decoded)
  if (!wanted.startsWith(realRoot + sep)) throw new PublicationPathError(404, rawPath, 'outside the publication')
  try {
    const [real, stat] = await Promise.all([realpath(wanted), lstat(wanted)])
    if (real !== wanted || !stat.isFile()) throw new PublicationPathError(404, rawPath, 'a symlink or not a regular file')
  } catch (error) {
    if (error instanceof PublicationPathError) throw error
    throw new PublicationPathError(404, rawPath, 'no such file')
  }
  return { path: wanted, relative: decoded.join('/') }
}
