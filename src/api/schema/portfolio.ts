import { sourceText } from '../../read-model/source-text.js'
import { agreementArgDescription, agreementFromArg, agreementOf } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { byPosition, loadLinked } from '../load-all.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, BudgetLineRef, DistrictRef, PartyRef, PersonRef, PortfolioRef, ResponsibilityRef, SourceRef } from './refs.js'

builder.node(PortfolioRef, {
  description: 'An alderman\'s portfolio (portefeuille): the holder, their responsibilities and the districts they are wijkwethouder of.',
  id: nodeIdOf('portfolio'),
  loadMany: loadNodesOf('portfolio'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the portfolio within its agreement.' }),
    position: t.exposeInt('position', { description: 'The portfolio\'s place in the portfolio division (1-based).' }),
    holder: t.field({
      type: PersonRef, description: 'The alderman who holds the portfolio.',
      resolve: (portfolio, _args, ctx) => ctx.loaders.byId('person').load(portfolio.personId).then((p) => p!),
    }),
    party: t.field({
      type: PartyRef, description: 'The holder\'s party.',
      resolve: async (portfolio, _args, ctx) => {
        const holder = (await ctx.loaders.byId('person').load(portfolio.personId))!
        return (await ctx.loaders.byId('party').load(holder.partyId))!
      },
    }),
    assignmentInferred: t.exposeBoolean('assignmentInferred', {
      description: 'Whether the assignment of this list of responsibilities to its holder was inferred: the extracted text interleaves names and lists out of order.',
    }),
    assignmentReason: t.exposeString('assignmentReason', { description: 'The reasoning that ties the responsibilities to the holder, with the source lines it rests on.' }),
    responsibilities: t.field({
      type: [ResponsibilityRef], description: 'The responsibilities in the portfolio, in the order listed.', complexity: { field: 1, multiplier: 8 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.childrenOf('responsibility', 'portfolioId').load(portfolio.id),
    }),
    districts: t.field({
      type: [DistrictRef], description: 'The districts the holder is wijkwethouder of, in order.', complexity: { field: 1, multiplier: 2 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.childrenOf('district', 'portfolioId').load(portfolio.id),
    }),
    actions: t.field({
      type: [ActionRef], description: 'The actions this portfolio is responsible for, in document order.', complexity: { field: 1, multiplier: 40 },
      resolve: async (portfolio, _args, ctx) => byPosition(await loadLinked(ctx.loaders, 'actionPortfolio', 'portfolioId', portfolio.id, 'action', 'actionId')),
    }),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines this portfolio is responsible for, in table order.', complexity: { field: 1, multiplier: 6 },
      resolve: async (portfolio, _args, ctx) => byPosition(await loadLinked(ctx.loaders, 'budgetLinePortfolio', 'portfolioId', portfolio.id, 'budgetLine', 'budgetLineId')),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the portfolio (holder, responsibilities, districts) stands in the source text; the text is those lines, white space folded.',
      resolve: async (portfolio, _args, ctx) => ({
        ...portfolio.source,
        text: sourceText(await agreementOf(ctx, portfolio.agreementId), portfolio.source.startLine, portfolio.source.endLine),
      }),
    }),
  }),
})

builder.queryFields((t) => ({
  portfolios: t.field({
    type: [PortfolioRef], description: 'The aldermen\'s portfolios of an agreement, in the order of the portfolio division.', complexity: { field: 1, multiplier: 5 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: async (_root, args, ctx) => ctx.loaders.ofAgreement('portfolio').load((await agreementFromArg(ctx, args.agreement)).id),
  }),
  portfolio: t.field({
    type: PortfolioRef, nullable: true, description: 'One portfolio by slug; null when the agreement has no portfolio with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the portfolio (for example "staal").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: async (_root, args, ctx) => ctx.loaders.byKey('portfolio').load(`${(await agreementFromArg(ctx, args.agreement)).id}/${args.slug}`),
  }),
}))
