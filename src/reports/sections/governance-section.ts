import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { passageBlocks } from './passage-blocks.js'

/** The governance style ("Bestuursstijl") with its parts: their whole text, with the commitments marked in place. */
export function governanceSection(ctx: ReportContext, level: HeadingBlock['level']): Block[] {
  const sub = (level + 1) as HeadingBlock['level']
  const options = { showPortfolios: true, wholeText: true }
  return ctx.view.sections.filter((s) => s.section.kind === 'governance').flatMap((section): Block[] => [
    ctx.heading(level, section.section.title),
    ...passageBlocks(ctx, section.section, section.actions, options).blocks,
    ...section.children.flatMap((part): Block[] => [
      ctx.heading(sub, part.section.title),
      ...passageBlocks(ctx, part.section, part.actions, options).blocks,
    ]),
  ])
}
