import type { PortfolioView } from '../../read-model/agreement-view.js'
import { joinList } from '../dutch-text.js'
import type { ReportContext } from '../report-context.js'
import type { Block, FactsBlock, HeadingBlock } from '../report-model.js'
import { aldermanName } from './action-items.js'

/** An alderman's portfolio: name, party, responsibilities and the districts they are wijkwethouder of. */
export function portfolioFacts(portfolio: PortfolioView): FactsBlock {
  return {
    kind: 'facts',
    items: [
      { term: 'Wethouder', value: [{ text: portfolio.holder.name }] },
      { term: 'Partij', value: [{ text: portfolio.party.name }] },
      { term: 'Portefeuille', value: [{ text: joinList(portfolio.responsibilities.map((r) => r.name)) }] },
      { term: 'Wijkwethouder van', value: [{ text: joinList(portfolio.districts.map((d) => d.name)) }] },
    ],
  }
}

/** Every portfolio of the agreement, or the given ones, each under its own heading. */
export function portfoliosSection(ctx: ReportContext, level: HeadingBlock['level'], portfolios = ctx.view.portfolios, title = 'Portefeuilleverdeling'): Block[] {
  const sub = (level + 1) as HeadingBlock['level']
  const page = ctx.view.sections.find((s) => s.section.kind === 'portfolios')
  return [
    ctx.heading(level, title),
    ...(page && portfolios === ctx.view.portfolios ? [{ kind: 'paragraph' as const, content: [{ text: page.section.text }] }] : []),
    ...portfolios.flatMap((p) => [ctx.heading(sub, aldermanName(p), { keepTogether: true }), portfolioFacts(p)]),
  ]
}
