import { publicRounds } from '../../editorial/public-rounds.js'
import { defaultRound, type ReportingRound } from '../../editorial/reporting-rounds.js'
import { roundPicture, roundPictureIn } from '../../editorial/round-picture.js'
import { agreementArgDescription, agreementFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { notFound } from '../errors.js'
import type { ActionRecord } from '../../read-model/records.js'
import { unitArgs } from './progress-count-unit.js'
import { ProgressSummaryRef } from './progress-refs.js'
import { countProgress } from './progress-summary.js'

type RoundOfAgreement = ReportingRound & { actions: readonly ActionRecord[] }

const ProgressRoundRef = builder.objectRef<RoundOfAgreement>('ProgressRound')
builder.objectType(ProgressRoundRef, {
  description: 'A reporting round: a name, the date its picture describes (peildatum), when it opened and closes. A closed round never changes: '
    + 'its summary is what was published when it closed.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable slug of the round, from its name ("voortgangsrapportage-2025").' }),
    name: t.exposeString('name', { description: 'The name of the round, in Dutch ("Voortgangsrapportage 2025").' }),
    peildatum: t.field({ type: 'LocalDate', description: 'The date the round describes: the state of affairs on this day.', resolve: (r) => r.peildatum }),
    opensOn: t.field({ type: 'LocalDate', description: 'The day the round opened for recording.', resolve: (r) => r.opensOn }),
    closesOn: t.field({ type: 'LocalDate', description: 'The reporting deadline: what is not published by then is overdue.', resolve: (r) => r.closesOn }),
    closed: t.boolean({ description: 'Whether the round is closed (its picture is then fixed).', resolve: (r) => r.closedAt !== null }),
    closedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the round was closed; null while it is open.', resolve: (r) => r.closedAt }),
    progressSummary: t.field({
      type: ProgressSummaryRef, args: unitArgs(t.arg),
      description: 'The round\'s picture: the number of actions of the agreement per status; of its distinct commitments with unit: COMMITMENT, '
        + 'the numbers of the round\'s page on the website (/voortgang/<round>).',
      resolve: async (r, args, ctx) => {
        ctx.editorial.usage.editorial = true
        const { view } = ctx.editorial
        const picture = view ? roundPictureIn(view, r.agreement, r) : await roundPicture(ctx.editorial.store, r.agreement, r)
        return countProgress(picture, r.actions, r.actions, args.unit)
      },
    }),
  }),
})

builder.queryFields((t) => ({
  progressRounds: t.field({
    type: [ProgressRoundRef], description: 'The reporting rounds of an agreement, the latest peildatum first.',
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: async (_root, args, ctx) => {
      const agreement = agreementFromArg(ctx, args.agreement)
      ctx.editorial.usage.editorial = true
      const actions = ctx.loaders.of(agreement.id).list('action')
      return (ctx.editorial.view?.rounds(agreement.slug) ?? await publicRounds(ctx.editorial.store, agreement.slug)).map((r) => ({ ...r, actions }))
    },
  }),
  progressRound: t.field({
    type: ProgressRoundRef, nullable: true,
    description: 'One reporting round by its slug; without a slug the latest: the open round, else the latest closed one. Null when there is no round yet.',
    args: { slug: t.arg.string({ description: 'The slug of the round.' }), agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: async (_root, args, ctx) => {
      const agreement = agreementFromArg(ctx, args.agreement)
      ctx.editorial.usage.editorial = true
      const actions = ctx.loaders.of(agreement.id).list('action')
      const rounds = ctx.editorial.view?.rounds(agreement.slug) ?? await publicRounds(ctx.editorial.store, agreement.slug)
      const round = args.slug != null ? rounds.find((r) => r.slug === args.slug) ?? null : defaultRound(rounds)
      if (args.slug != null && !round) throw notFound('slug', args.slug, 'progress round')
      return round ? { ...round, actions } : null
    },
  }),
}))
