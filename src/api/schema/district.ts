import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, DistrictRef, PortfolioRef, SourceRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(DistrictRef, {
  description: 'A district (wijk) of the municipality, with the alderman who is its wijkwethouder.',
  id: nodeIdOf('district'),
  loadMany: loadNodesOf('district'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the district within its agreement.' }),
    name: t.exposeString('name', { description: 'The district\'s name, as printed.' }),
    position: t.exposeInt('position', { description: 'The district\'s place in the portfolio division (1-based).' }),
    cbsWijkCode: t.exposeString('cbsWijkCode', {
      nullable: true,
      description: 'The district\'s CBS wijk code (WK0106 and two digits), to join it with CBS statistics; null until the curators have checked a code against a published CBS list (cbsCodeReason says why it is null).',
    }),
    cbsBuurtCodes: t.exposeStringList('cbsBuurtCodes', {
      description: 'The CBS buurt codes (BU0106 and four digits) of the buurten the district maps to, where it maps to buurten; empty until the curators have checked codes against a published CBS list.',
    }),
    cbsCodeYear: t.exposeInt('cbsCodeYear', {
      nullable: true, description: 'The year of the CBS list (Wijk- en Buurtkaart, Kerncijfers wijken en buurten) the CBS codes were checked against; null without codes.',
    }),
    cbsCodeReason: t.exposeString('cbsCodeReason', {
      nullable: true, description: 'Why the district has no CBS codes yet, in Dutch; null once it has them, unless the curators explain the mapping.',
    }),
    portfolio: t.field({
      type: PortfolioRef, description: 'The portfolio whose holder is wijkwethouder of this district.',
      resolve: (district, _args, ctx) => ctx.loaders.of(district.agreementId).byId('portfolio', district.portfolioId)!,
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions that name this district, in document order.', complexity: { field: 1, multiplier: 10 },
      resolve: (district, _args, ctx) => ctx.loaders.of(district.agreementId).linked('actionDistrict', 'districtId', district.id, 'action', 'actionId', 'byPosition'),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions that name this district, paged, filtered and sorted.', (district, s) => s.linked('actionDistrict', 'districtId', district.id, 'action', 'actionId', 'byPosition')),
    source: t.field({
      type: SourceRef, description: 'Where the district is named in the portfolio division of the source text.',
      resolve: (district) => sourceOf(district.text, district.source, district.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  districts: t.field({
    type: [DistrictRef], description: 'The districts of an agreement, in the order of the portfolio division.', complexity: { field: 1, multiplier: 10 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('district'),
  }),
  district: t.field({
    type: DistrictRef, nullable: true, description: 'One district by slug; null when the agreement has no district with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the district (for example "peelo").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('district', args.slug),
  }),
}))
