import { agreementArgDescription, agreementOf, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { AgreementRef, PartyRef, PersonRef } from './refs.js'

builder.node(PartyRef, {
  description: 'A political party that governs under the agreement.',
  id: nodeIdOf('party'),
  loadMany: loadNodesOf('party'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the party within its agreement.' }),
    name: t.exposeString('name', { description: 'The party\'s name, as printed.' }),
    position: t.exposeInt('position', { description: 'The party\'s place in the agreement\'s list of parties (1-based).' }),
    members: t.field({
      type: [PersonRef], description: 'The people of this party named in the agreement (signatories and aldermen).', complexity: { field: 1, multiplier: 3 },
      resolve: (party, _args, ctx) => ctx.loaders.of(party.agreementId).children('person', 'partyId', party.id),
    }),
    agreement: t.field({
      type: AgreementRef, description: 'The agreement this party governs under.',
      resolve: (party, _args, ctx) => agreementOf(ctx, party.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  parties: t.field({
    type: [PartyRef], description: 'The governing parties of an agreement, in the order the agreement lists them.', complexity: { field: 1, multiplier: 5 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('party'),
  }),
}))
