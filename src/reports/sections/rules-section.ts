import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'

/** The financial rules ("Algemene spelregels"), numbered as in the agreement. */
export function rulesSection(ctx: ReportContext, level: HeadingBlock['level']): Block[] {
  const { rules } = ctx.view
  return [
    ctx.heading(level, 'Financiële spelregels'),
    { kind: 'paragraph', content: [{ text: `Voor de financiën houdt het college zich aan ${rules.length} algemene spelregels:` }] },
    { kind: 'list', ordered: true, items: rules.map((r) => ({ content: [{ text: r.text }] })) },
  ]
}
