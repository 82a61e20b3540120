import { commitmentCount } from '../../read-model/canonical-action.js'
import { contentHash } from '../../store/content-hash.js'
import { deprecated } from '../deprecation.js'
import { builder } from '../builder.js'
import { localId } from '../node-id.js'
import { sourceTextUrl } from './source.js'
import {
  ActionRef, AgreementRef, BudgetCategoryRef, BudgetLineRef, BudgetYearTotalRef, DistrictRef, PartyRef, PersonRef, PortfolioRef, RuleRef,
  SectionRef, ThemeRef,
} from './refs.js'

builder.node(AgreementRef, {
  description: 'A coalition agreement (bestuursakkoord): the programme a municipality\'s governing parties agreed on for a council period.',
  id: { resolve: (agreement) => localId(agreement.slug) },
  loadMany: (slugs, ctx) => slugs.map((slug) => ctx.loaders.agreementBySlug(slug)),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the agreement, used in every `agreement` argument.' }),
    title: t.exposeString('title', { description: 'The title, as printed ("Dichtbij & Daadkrachtig").' }),
    subtitle: t.exposeString('subtitle', { description: 'The subtitle, as printed ("Bestuursakkoord 2022-2026").' }),
    municipality: t.exposeString('municipality', { description: 'The municipality the agreement governs.' }),
    periodStart: t.exposeInt('periodStart', { description: 'The first year of the council period.' }),
    periodEnd: t.exposeInt('periodEnd', { description: 'The last year of the council period.' }),
    presentedOn: t.expose('presentedOn', { type: 'LocalDate', description: 'The date the agreement was presented.' }),
    dataVersion: t.string({
      description: 'A digest of the database this answer was read from (20 hex digits): it changes with every build that changes any data, '
        + 'so a client that stored it can tell that the data, and where its cursors point, may have changed. Compare it for equality only.',
      resolve: (_agreement, _args, ctx) => contentHash(ctx.store),
    }),
    dataDate: t.expose('dataVersion', { type: 'LocalDate', description: 'The date of the curated data this database was built from (what `dataVersion` said before 2026-12-07).' }),
    license: t.exposeString('license', { description: 'The licence of the data, as an SPDX identifier.' }),
    language: t.exposeString('language', { description: 'The language of the texts, as a BCP 47 tag ("nl").' }),
    sourceFile: t.exposeString('sourceFile', {
      description: 'The path of the source text in the project repository; all line numbers refer to it.',
      deprecationReason: deprecated('A repository path, not an address: use `sourceUrl`, where this server serves the same text.'),
    }),
    sourceUrl: t.string({
      description: 'Where this server serves the source text that all line numbers refer to: a path on the API\'s own host (/data/source/...), to resolve against the address of the API.',
      resolve: sourceTextUrl,
    }),
    sourceSha256: t.exposeString('sourceSha256', { description: 'The SHA-256 of the source text, hexadecimal, so a copy can be checked.' }),
    sourceLineCount: t.exposeInt('sourceLineCount', { description: 'The number of lines of the source text.' }),
    isCurrent: t.boolean({
      description: 'Whether this is the current agreement: the most recently presented one, which every list uses when no `agreement` is given.',
      resolve: (agreement, _args, ctx) => ctx.loaders.currentAgreement()?.id === agreement.id,
    }),
    parties: t.field({
      type: [PartyRef], description: 'The governing parties, in the order the agreement lists them.', complexity: { field: 1, multiplier: 5 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('party'),
    }),
    signatories: t.field({
      type: [PersonRef], description: 'The people who signed the agreement, in signing order.', complexity: { field: 1, multiplier: 5 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).signatories,
    }),
    sections: t.field({
      type: [SectionRef], description: 'The top-level sections that are not themes (foreword, vision, governance style, ...), in document order.',
      complexity: { field: 1, multiplier: 10 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).topSections,
    }),
    themes: t.field({
      type: [ThemeRef], description: 'The themes, in document order.', complexity: { field: 1, multiplier: 8 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('theme'),
    }),
    budgetCategories: t.field({
      type: [BudgetCategoryRef], description: 'The categories of the financial table, in table order.', complexity: { field: 1, multiplier: 5 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('budgetCategory'),
    }),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'Every line of the financial table, in table order (use Query.budgetLines to filter).',
      complexity: { field: 1, multiplier: 30 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('budgetLine'),
    }),
    budgetTotals: t.field({
      type: [BudgetYearTotalRef], description: 'The published totals row of the financial table, one per year, with the computed sums beside them.',
      complexity: { field: 1, multiplier: 5 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('budgetTotal'),
    }),
    rules: t.field({
      type: [RuleRef], description: 'The financial rules ("Algemene spelregels"), in order.', complexity: { field: 1, multiplier: 15 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('rule'),
    }),
    portfolios: t.field({
      type: [PortfolioRef], description: 'The aldermen\'s portfolios, in the order of the portfolio division.', complexity: { field: 1, multiplier: 5 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('portfolio'),
    }),
    districts: t.field({
      type: [DistrictRef], description: 'The districts (wijken) with an alderman as wijkwethouder, in order.', complexity: { field: 1, multiplier: 10 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('district'),
    }),
    commitmentCount: t.int({
      description: 'How many distinct commitments the actions hold: a sentence that restates another (Action.sameAs) is not counted again. '
        + 'Query.actions.totalCount counts sentences.',
      resolve: (agreement, _args, ctx) => commitmentCount(ctx.loaders.of(agreement.id).list('action')),
    }),
    wholeCollegeActions: t.field({
      type: [ActionRef], description: 'The actions the college as a whole carries rather than one alderman (Action.wholeCollege), in document order.',
      complexity: { field: 1, multiplier: 15 },
      resolve: (agreement, _args, ctx) => ctx.loaders.of(agreement.id).list('action').filter((a) => a.wholeCollege),
    }),
  }),
})

builder.queryFields((t) => ({
  agreements: t.field({
    type: [AgreementRef], description: 'Every agreement in the database, oldest first (by presentation date, then slug).',
    complexity: { field: 1, multiplier: 3 },
    resolve: (_root, _args, ctx) => ctx.loaders.allAgreements(),
  }),
  agreement: t.field({
    type: AgreementRef, nullable: true,
    description: 'One agreement by slug; without a slug, the current agreement. Null when no agreement has that slug.',
    args: { slug: t.arg.string({ description: 'The slug of the agreement; omitted: the current agreement.' }) },
    resolve: (_root, args, ctx) => (args.slug == null ? ctx.loaders.currentAgreement() : ctx.loaders.agreementBySlug(args.slug)),
  }),
}))
