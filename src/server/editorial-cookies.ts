import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseCookie, stringifySetCookie } from 'cookie'

/** The cookies of the editorial screens and how they are set. */
export interface EditorialCookies {
  /** The session id of the signed-in editor, if the browser sent one. */
  sessionId(request: IncomingMessage): string | undefined
  /** The sign-in form's token (double-submit: there is no session yet to bind it to). */
  signInToken(request: IncomingMessage): string | undefined
  setSession(response: ServerResponse, sessionId: string, lifetimeMs: number): void
  setSignInToken(response: ServerResponse, token: string): void
  /** The key of a form kept after its session ended (src/server/kept-form.ts), sent only to the sign-in page. */
  keptFormKey(request: IncomingMessage): string | undefined
  setKeptFormKey(response: ServerResponse, key: string, lifetimeSeconds: number): void
  /** Clears both cookies (sign-out, or a session that no longer exists). */
  clear(response: ServerResponse): void
}

function append(response: ServerResponse, cookie: string): void {
  const previous = response.getHeader('set-cookie')
  response.setHeader('set-cookie', [...(Array.isArray(previous) ? previous : previous ? [String(previous)] : []), cookie])
}

/**
 * The cookies: HttpOnly (no script reads them), SameSite=Strict (no other
 * site's page sends them), scoped to /beheer, and Secure with the __Secure-
 * prefix when the public address is https. Behind a TLS proxy the server
 * itself speaks http, so PUBLIC_BASE_URL decides, not the socket.
 */
export function editorialCookies(publicBaseUrl: string): EditorialCookies {
  const secure = publicBaseUrl.startsWith('https:')
  const session = secure ? '__Secure-oa_beheer' : 'oa_beheer'
  const signIn = secure ? '__Secure-oa_aanmelden' : 'oa_aanmelden'
  const kept = secure ? '__Secure-oa_bewaard' : 'oa_bewaard'
  const options = { httpOnly: true, sameSite: 'strict' as const, secure }
  const read = (request: IncomingMessage, name: string) => {
    const header = request.headers.cookie
    return header ? parseCookie(header)[name] : undefined
  }
  return {
    sessionId: (request) => read(request, session),
    signInToken: (request) => read(request, signIn),
    setSession: (response, sessionId, lifetimeMs) =>
      append(response, stringifySetCookie({ name: session, value: sessionId, ...options, path: '/beheer', maxAge: Math.floor(lifetimeMs / 1000) })),
    setSignInToken: (response, token) => append(response, stringifySetCookie({ name: signIn, value: token, ...options, path: '/beheer/aanmelden', maxAge: 3600 })),
    keptFormKey: (request) => read(request, kept),
    setKeptFormKey: (response, key, lifetimeSeconds) => append(response, stringifySetCookie({ name: kept, value: key, ...options, path: '/beheer/aanmelden', maxAge: lifetimeSeconds })),
    clear: (response) => {
      append(response, stringifySetCookie({ name: session, value: '', ...options, path: '/beheer', maxAge: 0 }))
      append(response, stringifySetCookie({ name: signIn, value: '', ...options, path: '/beheer/aanmelden', maxAge: 0 }))
    },
  }
}
