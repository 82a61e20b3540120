import { builder } from '../builder.js'
import { byPosition, loadAll } from '../load-all.js'
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
      resolve: (responsibility, _args, ctx) => ctx.loaders.byId('portfolio').load(responsibility.portfolioId).then((p) => p!),
    }),
    actions: t.field({
      type: [ActionRef], description: 'The actions this responsibility covers, in document order.', complexity: { field: 1, multiplier: 10 },
      resolve: async (responsibility, _args, ctx) => {
        const links = await ctx.loaders.childrenOf('actionPortfolio', 'portfolioId').load(responsibility.portfolioId)
        const ids = links.filter((l) => l.responsibilityId === responsibility.id).map((l) => l.actionId)
        return byPosition(await loadAll(ctx.loaders.byId('action'), ids))
      },
    }),
    source: t.field({
      type: SourceRef, description: 'Where the responsibility stands in the source text.',
      resolve: (responsibility) => sourceOf(responsibility.name, responsibility.source),
    }),
  }),
})
