import type { ActionView, TopicView } from '../../read-model/agreement-view.js'
import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { actionList, type ActionListOptions } from './action-items.js'
import { describeLineAmounts } from './budget-amounts.js'
import { passageBlocks } from './passage-blocks.js'

/**
 * One topic: its heading, the budget lines that fund it, then its whole text
 * with the commitments marked in place (with `wholeText`, in the full and theme
 * reports), or its chosen actions as a list (in a report about an alderman or
 * a district), and the financial rules when the topic's text is where they stand.
 */
export function topicBlocks(
  ctx: ReportContext, topic: TopicView, actions: readonly ActionView[], level: HeadingBlock['level'], options: ActionListOptions,
): Block[] {
  // The funding goes first, under the heading: after a long list it could end up alone on the next page.
  const blocks: Block[] = [ctx.heading(level, topic.topic.title)]
  const lines = topic.budgetLines.map((record) => ctx.view.budget.lines.find((l) => l.line.id === record.id)!)
  for (const line of lines) {
    blocks.push({
      kind: 'paragraph', variant: 'note',
      content: [{ text: 'Begroting: ', strong: true }, { text: `${line.line.displayName}, ${describeLineAmounts(line)}.` }],
    })
  }
  if (options.wholeText || actions.length === 0) blocks.push(...passageBlocks(ctx, topic.topic, actions, options).blocks)
  else blocks.push(actionList(actions, { ...options, actionUrl: ctx.actionUrl }))
  return [...blocks, ...rulesOfTopic(ctx, topic)]
}

/** The rules quoted inside this topic's lines: listed here, or in the full report pointed to in their own chapter. */
function rulesOfTopic(ctx: ReportContext, topic: TopicView): Block[] {
  const { startLine, endLine } = topic.topic.source
  const rules = ctx.view.rules.filter((r) => r.source.startLine >= startLine && r.source.endLine <= endLine)
  if (rules.length === 0) return []
  if (ctx.type === 'full') {
    return [{ kind: 'paragraph', content: [{ text: `De ${rules.length} financiële spelregels staan in het hoofdstuk Financiële spelregels.` }] }]
  }
  return [
    { kind: 'paragraph', content: [{ text: `De ${rules.length} financiële spelregels:` }] },
    { kind: 'list', ordered: true, items: rules.map((r) => ({ content: [{ text: r.text }] })) },
  ]
}
