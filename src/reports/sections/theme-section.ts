import type { ThemeView } from '../../read-model/agreement-view.js'
import { joinList } from '../dutch-text.js'
import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { aldermanName } from './action-items.js'
import { budgetTable } from './budget-table.js'
import { topicBlocks } from './topic-blocks.js'

/**
 * One theme whole: the "Assen in 2030" vision, the responsible aldermen, every
 * topic with its actions and targets, and the budget lines of the theme.
 */
export function themeSection(ctx: ReportContext, theme: ThemeView, level: HeadingBlock['level']): Block[] {
  const sub = (level + 1) as HeadingBlock['level']
  const blocks: Block[] = [ctx.heading(level, theme.theme.name)]
  if (theme.theme.vision) {
    blocks.push({ kind: 'callout', heading: ctx.heading(sub, 'Assen in 2030', { toc: false }), content: [{ text: theme.theme.vision.text }] })
  }
  if (theme.portfolios.length > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [{ text: theme.portfolios.length > 1 ? 'Verantwoordelijke wethouders: ' : 'Verantwoordelijke wethouder: ', strong: true },
        { text: `${joinList(theme.portfolios.map(aldermanName))}.` }],
    })
  }
  for (const topic of theme.topics) blocks.push(...topicBlocks(ctx, topic, topic.actions, sub, { showPortfolios: true, wholeText: true }))
  if (theme.budgetLines.length > 0) {
    blocks.push(
      ctx.heading(sub, `Begroting voor ${theme.theme.name.toLowerCase()}`),
      budgetTable(ctx, theme.budgetLines, {
        caption: `Extra middeleninzet voor het thema ${theme.theme.name}, in euro`, totals: 'sum', totalLabel: `Totaal ${theme.theme.name.toLowerCase()}`,
        grouped: false,
      }),
    )
  }
  return blocks
}
