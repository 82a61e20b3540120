import { countAudit, listAudit } from '../../editorial/audit-trail.js'
import { builder } from '../builder.js'
import { decodeCursor, encodeCursor } from '../cursor.js'
import { requireRole } from '../editorial-context.js'
import { badUserInput } from '../errors.js'
import { pageCost, pageSizes } from '../pagination.js'
import { AuditEntryRef } from './progress-refs.js'

builder.objectType(AuditEntryRef, {
  description: 'One state-changing operation, accepted or refused, as the audit trail keeps it (append-only).',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    account: t.exposeString('accountName', { nullable: true, description: 'The account that asked; null when anonymous or unknown.' }),
    operation: t.exposeString('operation', { description: 'The operation: a mutation\'s name, "authenticate", "addAccount" or "revokeAccount".' }),
    accepted: t.boolean({ description: 'Whether it was carried out.', resolve: (e) => e.outcome === 'accepted' }),
    codes: t.exposeStringList('codes', { description: 'The codes of a refusal (UNAUTHENTICATED, FORBIDDEN, INVALID, CONFLICT, SAME_AUTHOR, NOT_FOUND, ...); empty when accepted.' }),
    subject: t.exposeString('subject', { nullable: true, description: 'The stable key of what it concerned ("agreement/action/slug", an account name, or why a token was refused).' }),
    recordId: t.exposeInt('record_id', { nullable: true, description: 'The id of the revision or account in the editorial store.' }),
    revisionBefore: t.exposeInt('revision_before', { nullable: true, description: 'The subject\'s latest revision before the operation.' }),
    revisionAfter: t.exposeInt('revision_after', { nullable: true, description: 'The revision the operation wrote or published; null when refused.' }),
    requestId: t.exposeString('request_id', { nullable: true, description: 'The request\'s id (the x-request-id response header).' }),
    client: t.exposeString('client', { nullable: true, description: 'The client address, or "cli" for the editor command.' }),
  }),
})

builder.queryFields((t) => ({
  auditLog: t.connection({
    type: AuditEntryRef, description: 'The audit trail, newest first. Admins only (UNAUTHENTICATED or FORBIDDEN otherwise).', complexity: pageCost,
    resolve: async (_root, args, ctx) => {
      await requireRole(ctx.editorial, ['admin'])
      if (args.last != null || args.before != null) throw badUserInput('last', args.last ?? args.before, 'is not supported here: the log pages from newest to oldest with first/after')
      const first = args.first ?? pageSizes.default
      if (!Number.isInteger(first) || first < 0 || first > pageSizes.max) throw badUserInput('first', first, `must be between 0 and ${pageSizes.max}`)
      const before = args.after != null ? decodeCursor('AuditEntry', args.after, 'after') : undefined
      const rows = await listAudit(ctx.editorial.store, { before, limit: first + 1 })
      const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('AuditEntry', node.id), node }))
      return {
        edges,
        pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: before !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: () => countAudit(ctx.editorial.store),
      }
    },
  }, { name: 'AuditEntryConnection', description: 'A page of audit entries.' }, { name: 'AuditEntryEdge', description: 'An audit entry, with its cursor.' }),
}))
