import { listDrafts, reviewQueue } from '../../editorial/editorial-reads.js'
import { builder } from '../builder.js'
import { requireRole } from '../editorial-context.js'
import { listPage } from '../list-page.js'
import { pageCost } from '../pagination.js'
import { EditorRoleEnum } from './progress-enums.js'
import { ProgressRevisionRef, ViewerRef } from './progress-refs.js'

builder.objectType(ViewerRef, {
  description: 'The signed-in editorial account.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The account\'s name, as shown on what it records and publishes.' }),
    role: t.field({ type: EditorRoleEnum, description: 'What the account may do.', resolve: (a) => a.role }),
  }),
})

const connectionNames = [{ name: 'DraftConnection', description: 'A page of drafts.' }, { name: 'DraftEdge', description: 'A draft in a page, with its cursor.' }] as const

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef, nullable: true, description: 'The account the request is signed in with ("Authorization: Bearer TOKEN"); null when anonymous.',
    resolve: (_root, _args, ctx) => {
      ctx.editorial.usage.private = true
      return ctx.editorial.viewer
    },
  }),
  drafts: t.connection({
    type: ProgressRevisionRef, description: 'Every unpublished revision, oldest first. Signed-in accounts only (UNAUTHENTICATED otherwise).', complexity: pageCost,
    resolve: async (_root, args, ctx) => {
      await requireRole(ctx.editorial, ['editor', 'reviewer', 'admin'])
      return listPage(args, 'Draft', await listDrafts(ctx.editorial.store), (r) => r.id, 'asc')
    },
  }, ...connectionNames),
  reviewQueue: t.connection({
    type: ProgressRevisionRef, description: 'The drafts the signed-in reviewer may publish: recorded by someone else and not outdated by a newer publication, oldest first. '
      + 'Reviewers and admins only (FORBIDDEN for editors).', complexity: pageCost,
    resolve: async (_root, args, ctx) => {
      const reviewer = await requireRole(ctx.editorial, ['reviewer', 'admin'])
      return listPage(args, 'Draft', await reviewQueue(ctx.editorial.store, reviewer.id), (r) => r.id, 'asc')
    },
  }, { name: 'ReviewQueueConnection', description: 'A page of drafts awaiting review.' }, { name: 'ReviewQueueEdge', description: 'A draft awaiting review, with its cursor.' }),
}))
