import type { RouteHandler } from './route.js'
import { policyHeaders, type RoutePolicy } from './route-policy.js'

/** The methods the server serves at all; anything else is refused before routing. */
type Method = 'GET' | 'HEAD' | 'POST' | 'OPTIONS'

/**
 * One row of the route table: the methods and path patterns it owns, its
 * handler and its policy. A pattern is a path (`/graphql`), a path with named
 * segments (`/thema/:slug`) or a prefix (`/data/*`, which owns `/data` too).
 */
export interface Route {
  name: string
  methods: readonly Method[]
  paths: readonly string[]
  policy: RoutePolicy
  handler: RouteHandler
}

/** A route ready to match: its patterns as one expression and its policy's headers computed once. */
export interface CompiledRoute extends Route {
  pattern: RegExp
  headers: Readonly<Record<string, string>>
  allow: string
}

function patternSource(path: string): string {
  const prefix = path.endsWith('/*')
  const base = prefix ? path.slice(0, -2) : path
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // A named segment may end in a fixed suffix: `:slug.html`.
  const source = base.split('/').map((segment) => (segment.startsWith(':') ? `[^/]+?${escape(segment.replace(/^:\w+/, ''))}` : escape(segment))).join('/')
  return prefix ? `${source}(?:/.*)?` : source
}

/** Compiles the table once, at start. */
export function compileRoutes(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((route) => ({
    ...route,
    pattern: new RegExp(`^(?:${route.paths.map(patternSource).join('|')})$`),
    headers: policyHeaders(route.policy),
    allow: route.methods.join(', '),
  }))
}

/** The first route whose patterns match the path (the table ends with a catch-all, so there always is one). */
export function matchRoute(routes: readonly CompiledRoute[], pathname: string): CompiledRoute {
  for (const route of routes) if (route.pattern.test(pathname)) return route
  return routes[routes.length - 1]!
}
