import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { RuleRef, SourceRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(RuleRef, {
  description: 'A financial rule of the agreement ("Algemene spelregels"): how the college will handle money.',
  id: nodeIdOf('rule'),
  loadMany: loadNodesOf('rule'),
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'The rule\'s number in the list (1-based); also its stable key.' }),
    text: t.exposeString('text', { description: 'The rule, quoted verbatim.' }),
    source: t.field({
      type: SourceRef, description: 'Where the rule stands in the source text.',
      resolve: (rule) => sourceOf(rule.text, rule.source, rule.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  rules: t.field({
    type: [RuleRef], description: 'The financial rules of an agreement, in order.', complexity: { field: 1, multiplier: 15 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('rule'),
  }),
}))
