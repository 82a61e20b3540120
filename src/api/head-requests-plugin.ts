import type { Plugin, YogaServer } from 'graphql-yoga'

/**
 * Answers HEAD /graphql as GET would, without the body (RFC 9110 9.3.2):
 * monitors and link checkers probe with HEAD, and yoga itself knows only GET
 * and POST. The GET is run whole, so the status and headers are the real ones.
 */
export function headRequestsPlugin(): Plugin {
  let yoga: YogaServer<Record<string, unknown>, Record<string, unknown>> | undefined
  return {
    onYogaInit({ yoga: server }) {
      yoga = server as never
    },
    async onRequest({ request, serverContext, fetchAPI, endResponse }) {
      if (request.method !== 'HEAD' || !yoga) return
      const answer = await yoga.handle(new fetchAPI.Request(request.url, { method: 'GET', headers: request.headers }), serverContext as never)
      await answer.body?.cancel()
      endResponse(new fetchAPI.Response(null, { status: answer.status, headers: answer.headers }))
    },
  }
}
