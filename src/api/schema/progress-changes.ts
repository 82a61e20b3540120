import { deprecated } from '../deprecation.js'
import { countPublishedChanges, publishedChanges } from '../../editorial/editorial-reads.js'
import { builder } from '../builder.js'
import { decodeCursor, encodeCursor } from '../cursor.js'
import { badUserInput } from '../errors.js'
import { pageCost, pageSizes } from '../pagination.js'
import { ProgressRevisionRef } from './progress-refs.js'

const scope = 'ProgressChange'

builder.queryFields((t) => ({
  progressChanges: t.connection({
    type: ProgressRevisionRef,
    description: 'Every published assessment, measurement and retraction, of all agreements, in publication order (oldest first): the feed for harvesters. '
      + 'Keep the last endCursor and ask again with `after` for what was published since; cursors stay valid forever.',
    args: {
      publishedSince: t.arg({ type: 'DateTime', description: 'Only changes published at or after this moment (RFC 3339, for example "2026-01-01T00:00:00Z").' }),
      since: t.arg.string({
        description: 'Only changes published at or after this moment (ISO 8601, for example "2026-01-01T00:00:00Z").',
        deprecationReason: deprecated('Use `publishedSince`: the same moment as a DateTime, checked by its scalar.'),
      }),
    },
    complexity: pageCost,
    resolve: async (_root, args, ctx) => {
      if (args.last != null || args.before != null) throw badUserInput('last', args.last ?? args.before, 'is not supported here: the feed pages forwards with first/after')
      const first = args.first ?? pageSizes.default
      if (!Number.isInteger(first) || first < 0 || first > pageSizes.max) throw badUserInput('first', first, `must be between 0 and ${pageSizes.max}`)
      if (args.since != null && args.publishedSince != null) throw badUserInput('since', args.since, 'cannot be combined with publishedSince: use publishedSince alone')
      let since: string | undefined = args.publishedSince != null ? new Date(args.publishedSince).toISOString() : undefined
      if (args.since != null) {
        const parsed = new Date(args.since)
        if (!/^\d{4}-\d{2}-\d{2}/.test(args.since) || Number.isNaN(parsed.getTime())) throw badUserInput('since', args.since, 'is not an ISO 8601 date or moment')
        since = parsed.toISOString()
      }
      ctx.editorial.usage.editorial = true
      const after = args.after != null ? decodeCursor(scope, args.after, 'after') : undefined
      const rows = await publishedChanges(ctx.editorial.store, { since, afterPublication: after, limit: first + 1 })
      const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(scope, node.publication!.id), node }))
      return {
        edges,
        pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: after !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: () => countPublishedChanges(ctx.editorial.store, since),
      }
    },
  }, { name: 'ProgressChangeConnection', description: 'A page of published progress changes.' }, { name: 'ProgressChangeEdge', description: 'A published change, with its cursor.' }),
}))
