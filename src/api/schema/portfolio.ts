import { sourceText } from '../../read-model/source-text.js'
import { agreementArgDescription, agreementOf, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
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
      resolve: (portfolio, _args, ctx) => ctx.loaders.of(portfolio.agreementId).byId('person', portfolio.personId)!,
    }),
    party: t.field({
      type: PartyRef, description: 'The holder\'s party.',
      resolve: (portfolio, _args, ctx) => {
        const snapshot = ctx.loaders.of(portfolio.agreementId)
        return snapshot.byId('party', snapshot.byId('person', portfolio.personId)!.partyId)!
      },
    }),
    assignmentInferred: t.exposeBoolean('assignmentInferred', {
      description: 'Whether the assignment of this list of responsibilities to its holder was inferred: the extracted text interleaves names and lists out of order.',
    }),
    assignmentReason: t.exposeString('assignmentReason', { description: 'The reasoning that ties the responsibilities to the holder, with the source lines it rests on.' }),
    responsibilities: t.field({
      type: [ResponsibilityRef], description: 'The responsibilities in the portfolio, in the order listed.', complexity: { field: 1, multiplier: 12 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.of(portfolio.agreementId).children('responsibility', 'portfolioId', portfolio.id),
    }),
    districts: t.field({
      type: [DistrictRef], description: 'The districts the holder is wijkwethouder of, in order.', complexity: { field: 1, multiplier: 2 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.of(portfolio.agreementId).children('district', 'portfolioId', portfolio.id),
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions this portfolio is responsible for, in document order.', complexity: { field: 1, multiplier: 60 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.of(portfolio.agreementId).linked('actionPortfolio', 'portfolioId', portfolio.id, 'action', 'actionId', 'byPosition'),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions this portfolio is responsible for, paged, filtered and sorted.', (portfolio, s) => s.linked('actionPortfolio', 'portfolioId', portfolio.id, 'action', 'actionId', 'byPosition')),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines this portfolio is responsible for, in table order.', complexity: { field: 1, multiplier: 10 },
      resolve: (portfolio, _args, ctx) => ctx.loaders.of(portfolio.agreementId).linked('budgetLinePortfolio', 'portfolioId', portfolio.id, 'budgetLine', 'budgetLineId', 'byPosition'),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the portfolio (holder, responsibilities, districts) stands in the source text; the text is those lines, white space folded.',
      resolve: (portfolio, _args, ctx) => ({
        ...portfolio.source,
        text: sourceText(agreementOf(ctx, portfolio.agreementId), portfolio.source.startLine, portfolio.source.endLine),
        agreementId: portfolio.agreementId,
      }),
    }),
  }),
})

builder.queryFields((t) => ({
  portfolios: t.field({
    type: [PortfolioRef], description: 'The aldermen\'s portfolios of an agreement, in the order of the portfolio division.', complexity: { field: 1, multiplier: 5 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('portfolio'),
  }),
  portfolio: t.field({
    type: PortfolioRef, nullable: true, description: 'One portfolio by slug; null when the agreement has no portfolio with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the portfolio (for example "staal").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('portfolio', args.slug),
  }),
}))
