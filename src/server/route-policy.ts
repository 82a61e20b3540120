import type { ServerResponse } from 'node:http'
import { corsHeaders } from './http-helpers.js'
import { baseSecurityHeaders, dataPolicy } from './security-headers.js'

/** The public pages' policy: scripts, styles and images of this origin only; the site may frame its own reports. */
export const sitePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"

/** An HTML report carries its own styles and loads nothing; only the site's report builder may frame it, for its preview. */
const reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/** Which Content-Security-Policy a route's answers carry on every status (a page may narrow it on its 200, never lose it). */
type PolicyKind = 'data' | 'site' | 'report' | 'pdf'

/** How a route answers errors: the body shape its clients read. */
export type ErrorShape = 'json' | 'html' | 'graphql'

/**
 * What a route promises on every answer, whatever its status: its
 * Content-Security-Policy, CORS for scripts on other origins, the request
 * headers its answer varies on, how its bodies are compressed, whether it
 * counts against MAX_IN_FLIGHT, and the shape of its errors.
 */
export interface RoutePolicy {
  csp: PolicyKind
  cors: boolean
  /** Request headers besides Accept-Encoding that select the answer (Vary), e.g. "Accept, Authorization". */
  vary?: string
  /**
   * `prepared`: the route encodes its bodies itself, once, when they enter the response cache;
   * `stream`: bodies are compressed as they are written (files); `none`: never compressed.
   */
  compression: 'prepared' | 'stream' | 'none'
  /** Health checks are answered even when the server is full. */
  inFlight: 'limited' | 'exempt'
  errors: ErrorShape
}

const cspValues: Record<PolicyKind, string | undefined> = { data: dataPolicy, site: sitePolicy, report: reportPolicy, pdf: undefined }

/** The headers a policy puts on every answer of its route, computed once per route. */
export function policyHeaders(policy: RoutePolicy): Readonly<Record<string, string>> {
  const csp = cspValues[policy.csp]
  const vary = [policy.vary, policy.compression === 'none' ? undefined : 'Accept-Encoding'].filter((v) => v !== undefined).join(', ')
  return Object.freeze({
    ...baseSecurityHeaders,
    ...(csp === undefined ? {} : { 'content-security-policy': csp }),
    ...(policy.cors ? corsHeaders : {}),
    ...(vary === '' ? {} : { vary }),
  })
}

/** Sets a route's policy headers on a response before its handler runs, so a 304, 206, HEAD or error answer keeps them. */
export function applyPolicyHeaders(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const name in headers) response.setHeader(name, headers[name]!)
}

/** Headers of one request only: never part of an answer kept for others. */
const perRequest = new Set(['x-request-id', 'connection', 'set-cookie'])

/** The headers set on a response so far (its route's policy), as an answer kept in the cache starts from them. */
export function routeHeaders(response: ServerResponse): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value !== undefined && !perRequest.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return headers
}
