import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

/** Tells who a request comes from, for per-client limits and throttles. */
export type ClientAddress = (request: IncomingMessage) => string

/**
 * The client's address: the socket's peer, unless that peer is one of the
 * proxies named in TRUST_PROXY, in which case `X-Forwarded-For` is read from
 * the right, past every trusted hop, to the first address a trusted proxy saw.
 * An untrusted peer's `X-Forwarded-For` is ignored: anybody can write one.
 * proxy-addr (Express's) accepts addresses, CIDR ranges and the names
 * `loopback`, `linklocal` and `uniquelocal`.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown'
  const trust = proxyAddr.compile([...trustedProxies])
  return (request) => {
    // A socket already closed has no address; proxy-addr would throw on it.
    if (request.socket.remoteAddress === undefined) return 'unknown'
    return proxyAddr(request, trust)
  }
}
