import type { ServerResponse } from 'node:http'
import type { ErrorShape } from './route-policy.js'

/** What a person reads on an error page, by status (the pages are Dutch, like the site). */
const dutchTitles: Record<number, string> = {
  400: 'Dit verzoek klopt niet', 404: 'Pagina niet gevonden', 405: 'Deze methode wordt hier niet ondersteund',
  413: 'Het verzoek is te groot', 500: 'Er ging iets mis', 503: 'Het is nu te druk',
}

/** The stable code of a JSON problem, by status, for errors that have no more particular one. */
const codes: Record<number, string> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 406: 'not_acceptable',
  413: 'payload_too_large', 416: 'range_not_satisfiable', 429: 'too_many_requests', 500: 'internal_error', 503: 'unavailable',
}

/** The stable code of an error status. */
export function problemCode(status: number): string {
  return codes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request')
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!)

/** The body of an error in the shape its client reads, and its content type. */
function problemBody(shape: ErrorShape, status: number, code: string, message: string): { type: string; text: string } {
  switch (shape) {
    case 'json': return { type: 'application/json; charset=utf-8', text: JSON.stringify({ error: code, message }) }
    case 'graphql': return { type: 'application/json; charset=utf-8', text: JSON.stringify({ errors: [{ message, extensions: { code: code.toUpperCase() } }] }) }
    case 'html': {
      const title = dutchTitles[status] ?? 'Fout'
      return {
        type: 'text/html; charset=utf-8',
        text: `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/site.css"></head>`
          + `<body><main><h1>${title}</h1><p lang="en">${escapeText(message)}</p><p><a href="/">Naar de startpagina</a></p></main></body></html>\n`,
      }
    }
  }
}

/**
 * Answers an error the server itself gives (unknown path or method, a bad
 * target, overload, a failure): one body shape per kind of client, a JSON
 * problem `{ error, message }`, a GraphQL `{ errors }` or an HTML page. The
 * route's policy headers, already set, stay on it; it is never stored.
 */
export function sendProblem(response: ServerResponse, shape: ErrorShape, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const { type, text } = problemBody(shape, status, code, message)
  response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store', ...headers })
  response.end(text)
}
