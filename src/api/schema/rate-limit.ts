import { builder } from '../builder.js'
import type { ThrottleStatus } from '../throttle-status.js'

const RateLimitRef = builder.objectRef<ThrottleStatus>('RateLimit')

builder.objectType(RateLimitRef, {
  description: 'The points budget of the client that asks (by its address): every executed answer costs its `actualQueryCost` in points, '
    + 'answers from the server\'s cache cost nothing, and the points come back evenly over the window. When none are left, requests get 429 with Retry-After.',
  fields: (t) => ({
    limit: t.int({ description: 'The size of the budget: the points available when it is full.', resolve: (s) => s.maximumAvailable }),
    remaining: t.int({ description: 'The points left when this request arrived (before its own cost); below zero after an answer that cost more than was left.', resolve: (s) => s.currentlyAvailable }),
    used: t.int({ description: 'The points used of the budget: `limit` minus `remaining`.', resolve: (s) => s.maximumAvailable - s.currentlyAvailable }),
    restoreRate: t.float({ description: 'The points that come back each second.', resolve: (s) => s.restoreRate }),
    resetAt: t.field({
      type: 'DateTime', description: 'When the budget will be full again if nothing more is spent.',
      resolve: (s) => new Date(Math.ceil(Date.now() / 1000) * 1000 + s.secondsToFull * 1000).toISOString(),
    }),
  }),
})

builder.queryFields((t) => ({
  rateLimit: t.field({
    type: RateLimitRef, nullable: true,
    description: 'Where the asking client stands in its points budget (as GitHub\'s `rateLimit`); null when no budget applies. '
      + 'Never cached: the answer is about who asks. The same figures come with every answer in the RateLimit header.',
    resolve: (_root, _args, ctx) => {
      ctx.editorial.usage.private = true
      return ctx.editorial.usage.throttle ?? null
    },
  }),
}))
