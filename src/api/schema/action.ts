import { agreementArgDescription, agreementOf, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionKindEnum } from './action-kind.js'
import {
  ActionRef, AgreementRef, BudgetLineRef, DistrictRef, PortfolioRef, ResponsibilityRef, SectionRef, SourceRef, TargetRef, ThemeRef, TopicRef,
} from './refs.js'
import { sourceOf } from './source.js'
import { actionContext } from '../action-context.js'
import { canonicalAction, copiesOfCommitment } from '../../read-model/canonical-action.js'

builder.node(ActionRef, {
  description: 'A concrete commitment of the college, quoted as the whole sentence that states it. '
    + 'An action belongs to a topic (and through it a theme), or to a governance section, never both.',
  id: nodeIdOf('action'),
  loadMany: loadNodesOf('action'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the action within its agreement.' }),
    position: t.exposeInt('position', { description: 'The action\'s place among all actions of the agreement, in document order (1-based); the order of Query.actions.' }),
    text: t.exposeString('text', { description: 'The sentence stating the commitment, quoted verbatim.' }),
    context: t.string({
      nullable: true,
      description: 'The paragraph of the agreement that holds the action\'s sentence, quoted verbatim: the sentences around it '
        + 'that say what "daarom" or "Deze" refer to. Null only when the source text is not at hand.',
      resolve: (action, _args, ctx) => actionContext(ctx.loaders, action),
    }),
    kind: t.field({ type: ActionKindEnum, description: 'What kind of commitment this is.', resolve: (action) => action.kind }),
    theme: t.field({
      type: ThemeRef, nullable: true, description: 'The theme of the action\'s topic; null for an action in a governance section.',
      resolve: (action, _args, ctx) => (action.themeId === null ? null : ctx.loaders.of(action.agreementId).byId('theme', action.themeId)),
    }),
    topic: t.field({
      type: TopicRef, nullable: true, description: 'The topic that states the action; null for an action in a governance section.',
      resolve: (action, _args, ctx) => (action.topicId === null ? null : ctx.loaders.of(action.agreementId).byId('topic', action.topicId)),
    }),
    section: t.field({
      type: SectionRef, nullable: true, description: 'The governance section that states the action; null for an action under a topic.',
      resolve: (action, _args, ctx) => (action.sectionId === null ? null : ctx.loaders.of(action.agreementId).byId('section', action.sectionId)),
    }),
    wholeCollege: t.boolean({
      description: 'Whether the college as a whole carries the action (the monthly wijkbezoek, the agreements with the council, the mid-term evaluation) '
        + 'rather than one alderman; such an action has no portfolios, and responsibleNote says why.',
      resolve: (action) => action.wholeCollege,
    }),
    responsibleNote: t.string({
      nullable: true, description: 'Why no alderman\'s portfolio is responsible (the mayor\'s public order, the college as a whole); null when one is.',
      resolve: (action) => action.responsibleNote,
    }),
    sameAs: t.field({
      type: ActionRef, nullable: true,
      description: 'The first statement of the same commitment when this sentence restates it (see db/README.md); null for the canonical action. '
        + 'Count distinct commitments by the actions whose sameAs is null; progress is recorded on, and read from, the canonical action.',
      resolve: (action, _args, ctx) => (action.sameAsId === null ? null : ctx.loaders.of(action.agreementId).byId('action', action.sameAsId)),
    }),
    sameAsReason: t.string({
      nullable: true, description: 'Why this sentence and its sameAs action are one commitment, in Dutch; null for a canonical action.',
      resolve: (action) => action.sameAsReason,
    }),
    commitment: t.field({
      type: ActionRef, description: 'The action that stands for this sentence\'s commitment: sameAs when set, otherwise the action itself.',
      resolve: (action, _args, ctx) => canonicalAction(ctx.loaders.of(action.agreementId), action),
    }),
    sameCommitment: t.field({
      type: [ActionRef], description: 'The other sentences that state the same commitment (the canonical action and its copies, without this one), in document order.',
      complexity: { field: 1, multiplier: 6 },
      resolve: (action, _args, ctx) => copiesOfCommitment(ctx.loaders.of(action.agreementId), action),
    }),
    portfolios: t.field({
      type: [PortfolioRef], description: 'The portfolios responsible for the action, in portfolio order; empty where no alderman\'s responsibility covers it (public order belongs to the mayor) or the college as a whole carries it.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (action, _args, ctx) => ctx.loaders.of(action.agreementId).linked('actionPortfolio', 'actionId', action.id, 'portfolio', 'portfolioId', 'byPosition'),
    }),
    responsibilities: t.field({
      type: [ResponsibilityRef], description: 'The portfolio responsibilities that cover the action, in portfolio order.', complexity: { field: 1, multiplier: 4 },
      resolve: (action, _args, ctx) => ctx.loaders.of(action.agreementId).linked('actionPortfolio', 'actionId', action.id, 'responsibility', 'responsibilityId'),
    }),
    districts: t.field({
      type: [DistrictRef], description: 'The districts the action names, in district order.', complexity: { field: 1, multiplier: 2 },
      resolve: (action, _args, ctx) => ctx.loaders.of(action.agreementId).linked('actionDistrict', 'actionId', action.id, 'district', 'districtId'),
    }),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines that fund the action, in table order.', complexity: { field: 1, multiplier: 2 },
      resolve: (action, _args, ctx) => ctx.loaders.of(action.agreementId).linked('budgetLineAction', 'actionId', action.id, 'budgetLine', 'budgetLineId', 'byPosition'),
    }),
    targets: t.field({
      type: [TargetRef], description: 'The quantified or dated commitments inside the action, in document order.', complexity: { field: 1, multiplier: 3 },
      resolve: (action, _args, ctx) => ctx.loaders.of(action.agreementId).children('target', 'actionId', action.id),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the action\'s sentence stands in the source text.',
      resolve: (action) => sourceOf(action.text, action.source, action.agreementId),
    }),
    agreement: t.field({
      type: AgreementRef, description: 'The agreement the action belongs to.',
      resolve: (action, _args, ctx) => agreementOf(ctx, action.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  action: t.field({
    type: ActionRef, nullable: true, description: 'One action by slug; null when the agreement has no action with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the action (for example "pilot-basisbanen-structureel").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('action', args.slug),
  }),
}))
