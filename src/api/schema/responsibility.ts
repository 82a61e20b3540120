import { builder } from '../builder.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, PortfolioRef, ResponsibilityRef, SourceRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(ResponsibilityRef, {
  description: 'One responsibility in an alderman\'s portfolio ("Wonen", "Financiën", ...); topics and actions name the responsibilities that cover them.',
  id: nodeIdOf('responsibility'),
  loadMany: loadNodesOf('responsibility'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the responsibility within its agreement.' }),
    name: t.exposeString('name', { description: 'The responsibility, as printed.' }),
    position: t.exposeInt('position', { description: 'The responsibility\'s place in its portfolio\'s list (1-based).' }),
    portfolio: t.field({
      type: PortfolioRef, description: 'The portfolio the responsibility belongs to.',
      resolve: (responsibility, _args, ctx) => ctx.loaders.of(responsibility.agreementId).byId('portfolio', responsibility.portfolioId)!,
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions this responsibility covers, in document order.', complexity: { field: 1, multiplier: 20 },
      resolve: (responsibility, _args, ctx) => ctx.loaders.of(responsibility.agreementId).actionsOfResponsibility(responsibility.id),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions this responsibility covers, paged, filtered and sorted.', (responsibility, s) => s.actionsOfResponsibility(responsibility.id)),
    source: t.field({
      type: SourceRef, description: 'Where the responsibility stands in the source text.',
      resolve: (responsibility) => sourceOf(responsibility.name, responsibility.source, responsibility.agreementId),
    }),
  }),
})
