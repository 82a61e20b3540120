import { deprecated } from '../deprecation.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { filterIds } from '../filter-slugs.js'
import { storedListConnection } from '../list-connection.js'
import { pageCost } from '../pagination.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { PartyRef, PersonRef, PortfolioRef } from './refs.js'
import { sourceOf } from './source.js'
import { SourceRef } from './refs.js'

builder.node(PersonRef, {
  description: 'A person named in the agreement: a signatory, and for the aldermen, the holder of a portfolio.',
  id: nodeIdOf('person'),
  loadMany: loadNodesOf('person'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the person within the agreement.' }),
    name: t.exposeString('name', { description: 'The person\'s name, as printed.' }),
    signatoryPosition: t.exposeInt('signatoryPosition', {
      nullable: true, description: 'The person\'s place among the signatories (1-based); null for someone who did not sign.',
    }),
    party: t.field({
      type: PartyRef, description: 'The person\'s party.',
      resolve: (person, _args, ctx) => ctx.loaders.of(person.agreementId).byId('party', person.partyId)!,
    }),
    heldPortfolio: t.field({
      type: PortfolioRef, nullable: true, description: 'The portfolio this person holds as alderman; null for someone without one.',
      resolve: (person, _args, ctx) => ctx.loaders.of(person.agreementId).children('portfolio', 'personId', person.id)[0] ?? null,
    }),
    portfolio: t.field({
      type: PortfolioRef, nullable: true, description: 'The portfolio this person holds as alderman; null for someone without one.',
      deprecationReason: deprecated('Use `heldPortfolio`: `portfolio` is non-null on Responsibility, so the two could not be selected together in `nodes` without aliases.'),
      resolve: (person, _args, ctx) => ctx.loaders.of(person.agreementId).children('portfolio', 'personId', person.id)[0] ?? null,
    }),
    source: t.field({
      type: SourceRef, description: 'Where the person\'s name stands in the source text.',
      resolve: (person) => sourceOf(person.name, person.source, person.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  persons: t.connection({
    type: PersonRef, nullable: true, description: 'The people named in an agreement (signatories and aldermen), in the order they are first named. Cursors stay valid as long as the database is not rebuilt.',
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      party: t.arg.stringList({ description: 'Party slugs: only the people of these parties.' }),
    },
    complexity: pageCost,
    resolve: (_root, args, ctx) => {
      const snapshot = snapshotFromArg(ctx, args.agreement)
      const parties = filterIds(snapshot, 'party', 'party', 'party', args.party)
      return storedListConnection(snapshot.list('person'), 'Person', args, parties && ((person) => parties.includes(person.partyId)))
    },
  }, { name: 'PersonConnection', description: 'A page of people, with the total number that pass the filter.' }, { name: 'PersonEdge', description: 'A person in a page, with its cursor.' }),
}))
