import type { ActionView, SectionView, ThemeView } from '../../read-model/agreement-view.js'
import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'
import { actionList, type ActionListOptions } from './action-items.js'
import { topicBlocks } from './topic-blocks.js'

type Filter = (action: ActionView) => boolean

/**
 * The actions that pass a filter, grouped where they stand in the agreement:
 * theme and topic, or the governance section and its parts. Groups without a
 * matching action are left out. Shared by the portfolio and district reports.
 */
export function actionGroups(ctx: ReportContext, include: Filter, level: HeadingBlock['level'], options: ActionListOptions): Block[] {
  const sub = (level + 1) as HeadingBlock['level']
  return [
    ...ctx.view.themes.flatMap((theme) => themeGroup(ctx, theme, include, level, sub, options)),
    ...ctx.view.sections.flatMap((section) => sectionGroup(ctx, section, include, level, sub, options)),
  ]
}

function themeGroup(ctx: ReportContext, theme: ThemeView, include: Filter, level: HeadingBlock['level'], sub: HeadingBlock['level'], options: ActionListOptions): Block[] {
  const topics = theme.topics.map((t) => ({ topic: t, actions: t.actions.filter(include) })).filter((t) => t.actions.length > 0)
  if (topics.length === 0) return []
  return [ctx.heading(level, theme.theme.name), ...topics.flatMap((t) => topicBlocks(ctx, t.topic, t.actions, sub, options))]
}

function sectionGroup(ctx: ReportContext, section: SectionView, include: Filter, level: HeadingBlock['level'], sub: HeadingBlock['level'], options: ActionListOptions): Block[] {
  const own = section.actions.filter(include)
  const parts = section.children.map((c) => ({ title: c.section.title, actions: c.actions.filter(include) })).filter((c) => c.actions.length > 0)
  if (own.length === 0 && parts.length === 0) return []
  const linked = { ...options, actionUrl: ctx.actionUrl }
  return [
    ctx.heading(level, section.section.title),
    ...(own.length ? [actionList(own, linked)] : []),
    ...parts.flatMap((p) => [ctx.heading(sub, p.title), actionList(p.actions, linked)]),
  ]
}
