import { formatDate, joinList } from '../dutch-text.js'
import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { passageBlocks } from './passage-blocks.js'

/** The opening of the full report: the foreword, the shared vision, the parties and who signed. */
export function introductionSection(ctx: ReportContext, level: HeadingBlock['level']): Block[] {
  const { view } = ctx
  const sub = (level + 1) as HeadingBlock['level']
  const foreword = view.sections.find((s) => s.section.kind === 'foreword')
  const vision = view.sections.find((s) => s.section.kind === 'vision')
  const partyOf = new Map(view.parties.map((p) => [p.id, p.name]))
  return [
    ctx.heading(level, 'Over dit akkoord'),
    ...(foreword ? [ctx.heading(sub, foreword.section.title), ...passageBlocks(ctx, foreword.section, [], { showPortfolios: false }).blocks] : []),
    ...(vision ? [{ kind: 'callout' as const, heading: ctx.heading(sub, vision.section.title), content: [{ text: vision.section.text }] }] : []),
    ctx.heading(sub, 'Partijen en ondertekening'),
    {
      kind: 'facts',
      items: [
        { term: 'Coalitiepartijen', value: [{ text: joinList(view.parties.map((p) => p.name)) }] },
        { term: 'Ondertekend door', value: [{ text: joinList(view.signatories.map((p) => `${p.name} (${partyOf.get(p.partyId)})`)) }] },
        { term: 'Gepresenteerd', value: [{ text: formatDate(view.agreement.presentedOn) }] },
      ],
    },
  ]
}
