import { deprecated } from '../deprecation.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
import { resolveActionFilter } from './action-filter.js'
import { filterActions } from '../../read-model/snapshot-actions.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, SectionRef, SourceRef } from './refs.js'
import { SectionKindEnum } from './section-kind.js'
import { sourceOf } from './source.js'

builder.node(SectionRef, {
  description: 'A part of the agreement that is not a theme: the foreword, the vision, the governance style and its parts, the budget and portfolio chapters.',
  id: nodeIdOf('section'),
  loadMany: loadNodesOf('section'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the section within its agreement.' }),
    title: t.exposeString('title', { description: 'The section\'s heading, as printed.' }),
    kind: t.field({
      type: SectionKindEnum, description: 'What the section is.', resolve: (section) => section.kind,
      deprecationReason: deprecated('Use `sectionKind`: `kind` has another type on Action, so the two could not be selected together in a search without aliases.'),
    }),
    sectionKind: t.field({ type: SectionKindEnum, description: 'What the section is.', resolve: (section) => section.kind }),
    position: t.exposeInt('position', { description: 'The section\'s place among all sections, in document order (1-based).' }),
    text: t.exposeString('text', { description: 'The section\'s text, white space folded.' }),
    parent: t.field({
      type: SectionRef, nullable: true, description: 'The section this one is part of; null for a top-level section.',
      resolve: (section, _args, ctx) => (section.parentId === null ? null : ctx.loaders.of(section.agreementId).byId('section', section.parentId)),
    }),
    children: t.field({
      type: [SectionRef], description: 'The parts of this section, in document order.', complexity: { field: 1, multiplier: 5 },
      resolve: (section, _args, ctx) => ctx.loaders.of(section.agreementId).children('section', 'parentId', section.id),
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions stated in this section (governance commitments), in document order.', complexity: { field: 1, multiplier: 10 },
      resolve: (section, _args, ctx) => ctx.loaders.of(section.agreementId).children('action', 'sectionId', section.id),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions stated in this section and in its parts, paged, filtered and sorted.', (section, s) => filterActions(s, resolveActionFilter(s, { section: [section.slug] }))),
    source: t.field({
      type: SourceRef, description: 'Where the section stands in the source text.',
      resolve: (section) => sourceOf(section.text, section.source, section.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  sections: t.field({
    type: [SectionRef], description: 'Every section of an agreement that is not a theme (parts included), in document order.',
    complexity: { field: 1, multiplier: 15 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('section'),
  }),
  section: t.field({
    type: SectionRef, nullable: true, description: 'One section by slug; null when the agreement has no section with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the section (for example "bestuursstijl").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('section', args.slug),
  }),
}))
