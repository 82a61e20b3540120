import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { actionList } from './action-items.js'

/** The governance style ("Bestuursstijl") with its parts: their actions, or their text where they hold none. */
export function governanceSection(ctx: ReportContext, level: HeadingBlock['level']): Block[] {
  const sub = (level + 1) as HeadingBlock['level']
  return ctx.view.sections.filter((s) => s.section.kind === 'governance').flatMap((section): Block[] => [
    ctx.heading(level, section.section.title),
    { kind: 'paragraph', variant: 'lead', content: [{ text: section.section.text }] },
    ...section.children.flatMap((part): Block[] => [
      ctx.heading(sub, part.section.title),
      part.actions.length > 0 ? actionList(part.actions, { showPortfolios: true }) : { kind: 'paragraph', content: [{ text: part.section.text }] },
    ]),
  ])
}
