import type { ActionView, PortfolioView } from '../../read-model/agreement-view.js'
import { actionKindLabel, describeTarget, joinList } from '../dutch-text.js'
import type { ListBlock, ListItem, RichText } from '../report-model.js'

export interface ActionListOptions {
  /** Name the responsible aldermen under each action. */
  showPortfolios: boolean
  /** In a report about this alderman: name only the others, as "samen met". */
  subject?: PortfolioView
  /** Print the topic's whole text with the actions marked in place, rather than the actions alone. */
  wholeText?: boolean
  /** The site's page of an action: each action links to it (its status, explanation and evidence). */
  actionUrl?: (slug: string) => string
}

/** "Cor Staal (ChristenUnie)". */
export function aldermanName(portfolio: PortfolioView): string {
  return `${portfolio.holder.name} (${portfolio.party.name})`
}

/** An action's details, one line each: its kind and aldermen (and the link to its page), then its targets. */
export function actionDetails(action: ActionView, options: ActionListOptions, linkText = 'Voortgang en bronnen'): RichText[] {
  const first: RichText = [{ text: actionKindLabel(action.action.kind), strong: true }]
  const others = action.portfolios.filter((p) => p !== options.subject)
  if (options.showPortfolios && others.length > 0) {
    const label = options.subject ? 'Samen met' : others.length > 1 ? 'Wethouders' : 'Wethouder'
    first.push({ text: ` · ${label}: ${joinList(others.map((p) => p.holder.name))}` })
  } else if (options.showPortfolios && action.action.wholeCollege) {
    first.push({ text: ' · Het college als geheel' })
  }
  if (options.actionUrl) first.push({ text: ' · ' }, { text: linkText, href: options.actionUrl(action.action.slug) })
  const details: RichText[] = [first]
  for (const target of action.targets) details.push([{ text: 'Doel: ', strong: true }, { text: describeTarget(target) }])
  return details
}

/** One action as a list item: its quoted text, then its kind, aldermen and targets. */
function actionItem(action: ActionView, options: ActionListOptions): ListItem {
  return { content: [{ text: action.action.text }], details: actionDetails(action, options) }
}

/** The actions as a bulleted list. */
export function actionList(actions: readonly ActionView[], options: ActionListOptions): ListBlock {
  return { kind: 'list', ordered: false, items: actions.map((a) => actionItem(a, options)) }
}
