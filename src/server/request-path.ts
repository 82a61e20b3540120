/** A request target that is not a path this server can read: answered 400. */
export class BadRequestPathError extends Error {
  override readonly name = 'BadRequestPathError'
}

/**
 * The request's URL, parsed and checked once for every route: the target must
 * parse as a URL path and every percent-encoding in its path must decode to
 * UTF-8 (`%E0%A4%A`, `%ZZ` or `%C0%AE` would otherwise reach a route's
 * decodeURIComponent and fail there as a 500).
 */
export function parseRequestPath(target: string | undefined): URL {
  let url: URL
  try {
    url = new URL(target ?? '/', 'http://localhost')
  } catch {
    throw new BadRequestPathError('The request target is not a valid path.')
  }
  try {
    decodeURIComponent(url.pathname)
  } catch {
    throw new BadRequestPathError('The path holds a malformed percent-encoding (% must be followed by two hex digits of UTF-8).')
  }
  return url
}
