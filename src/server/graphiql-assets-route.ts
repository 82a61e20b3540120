import { graphiqlAssetBase } from '../api/graphiql-page.js'
import type { RouteHandler } from './route.js'

interface Asset {
  type: string
  body: Buffer
}

let assets: Promise<Map<string, Asset>> | undefined

/** Loads the bundled GraphiQL (9 MB of strings) on first use, not at startup. */
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((g) => {
    const js = 'text/javascript; charset=utf-8'
    const favicon = /^data:([^;]+);base64,(.*)$/s.exec(g.favicon)
    return new Map<string, Asset>([
      ['graphiql.js', { type: js, body: Buffer.from(g.js) }],
      ['graphiql.css', { type: 'text/css; charset=utf-8', body: Buffer.from(g.css) }],
      ['editor.worker.js', { type: js, body: Buffer.from(g.editorWorkerService) }],
      ['json.worker.js', { type: js, body: Buffer.from(g.jsonWorker) }],
      ['graphql.worker.js', { type: js, body: Buffer.from(g.graphqlWorker) }],
      ['favicon.ico', { type: favicon?.[1] ?? 'image/x-icon', body: Buffer.from(favicon?.[2] ?? '', 'base64') }],
    ])
  })
  return assets
}

/**
 * GraphiQL's assets, served from the installed package under a versioned path
 * (so they can be cached for a year): no CDN is involved.
 */
export function createGraphiqlAssetsRoute(): RouteHandler {
  return async (request, response, url) => {
    if (!url.pathname.startsWith(graphiqlAssetBase)) return false
    const asset = (await loadAssets()).get(url.pathname.slice(graphiqlAssetBase.length))
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) return false
    response.writeHead(200, {
      'content-type': asset.type,
      'content-length': String(asset.body.length),
      'cache-control': 'public, max-age=31536000, immutable',
    })
    response.end(request.method === 'HEAD' ? undefined : asset.body)
    return true
  }
}
