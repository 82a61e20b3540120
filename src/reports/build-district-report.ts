import { assembleReport } from './assemble-report.js'
import { joinList } from './dutch-text.js'
import type { ReportContext } from './report-context.js'
import { reportPath } from './report-context.js'
import type { Block, ListItem, Report } from './report-model.js'
import { actionGroups } from './sections/action-groups.js'
import { aldermanName } from './sections/action-items.js'
import { colophonSection } from './sections/colophon-section.js'
import { portfolioFacts } from './sections/portfolio-section.js'
import { selectDistrictActions, type DistrictActions } from './select-district-actions.js'

const count = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`

/** The opening paragraph: what the text says about the district, honestly counted, and what stands apart. */
function lead(selection: DistrictActions): string {
  const { district, parts, wijkwethouder, named, mentions, everyDistrict } = selection
  const place = district.name
  const others = wijkwethouder.districts.filter((d) => d.id !== district.id).map((d) => d.name)
  const role = `${wijkwethouder.holder.name} is wijkwethouder van ${joinList([place, ...others])}.`
  const apart = `De ${count(everyDistrict.length, 'afspraak', 'afspraken')} voor alle wijken gelden ook hier, maar gaan niet over ${place} in het bijzonder: ze staan apart, onderaan.`
  if (named.length === 0 && mentions.length === 0) {
    return `Het akkoord noemt ${place} nergens bij naam, en ook geen buurt of ander deel van ${place}. `
      + `${place} staat alleen in de portefeuilleverdeling: ${role} ${apart}`
  }
  const by = parts.length > 0 ? `${place} of een deel ervan (${joinList(parts.map((p) => p.name))})` : place
  return `Het akkoord noemt ${by} in ${count(named.length, 'afspraak', 'afspraken')} en in ${count(mentions.length, 'andere zin', 'andere zinnen')}. ${role} ${apart}`
}

/**
 * What the agreement says about one district: the commitments and other
 * sentences that name it or its parts, its wijkwethouder and the portfolio
 * tasks named after it, and, kept apart and not counted as about it, the
 * commitments for every district.
 */
export function buildDistrictReport(ctx: ReportContext, slug: string): Report {
  const { agreement } = ctx.view
  const district = ctx.view.districts.find((d) => d.slug === slug)!
  const selection = selectDistrictActions(ctx.view, district)
  const { wijkwethouder, parts, named, mentions, responsibilities, everyDistrict } = selection
  const options = { showPortfolios: true }
  const place = district.name
  const holder = wijkwethouder.holder.name
  const portfolioPdf = `${ctx.baseUrl}${reportPath('portfolio', wijkwethouder.portfolio.slug, 'pdf')}`
  const item = (text: string, detail: string): ListItem => ({ content: [{ text }], details: [[{ text: detail }]] })

  const body: Block[] = [
    ctx.heading(1, `${place} in het akkoord`),
    { kind: 'paragraph', variant: 'lead', content: [{ text: lead(selection) }] },
    ctx.heading(2, 'Wijkwethouder', { keepTogether: true }),
    portfolioFacts(wijkwethouder),
    {
      kind: 'paragraph', content: [
        { text: `De portefeuille van ${holder} geldt voor de hele gemeente, niet voor ${place} alleen. De afspraken daaruit staan in het overzicht van wethouder ${holder}: ` },
        { text: portfolioPdf, href: portfolioPdf }, { text: '.' },
      ],
    },
  ]
  if (responsibilities.length > 0) {
    body.push(ctx.heading(2, `Taken in het college die ${place} noemen`, { keepTogether: true }), {
      kind: 'list', ordered: false,
      items: responsibilities.map((r) => item(r.responsibility.name, `In de portefeuille van ${aldermanName(r.portfolio)}${r.portfolio === wijkwethouder ? ', de wijkwethouder' : ''}.`)),
    })
  }
  if (parts.length > 0) {
    body.push(ctx.heading(2, `Delen van ${place} in de tekst`, { keepTogether: true }), {
      kind: 'paragraph', content: [{ text: `Het akkoord noemt ${place} ook bij de namen van delen van de wijk. Waarom die bij ${place} horen:` }],
    }, { kind: 'list', ordered: false, items: parts.map((p) => item(p.name, p.reason)) })
  }
  if (named.length > 0) body.push(ctx.heading(1, `Afspraken die ${place} noemen`), ...actionGroups(ctx, (a) => named.includes(a), 2, options))
  if (mentions.length > 0) {
    body.push(ctx.heading(1, `Verder over ${place} in de tekst`), {
      kind: 'paragraph', content: [{ text: `Deze zinnen zijn geen afspraken, maar beschrijven de stad, de plannen of de toekomst die het college voor ogen heeft.` }],
    }, { kind: 'list', ordered: false, items: mentions.map((m) => item(m.text, m.where)) })
  }
  body.push(
    ctx.heading(1, 'Afspraken voor alle wijken'),
    { kind: 'paragraph', variant: 'note', content: [{ text: `Deze afspraken gaan over de wijken van ${agreement.municipality} in het algemeen. Ze gelden ook voor ${place}, maar noemen ${place} niet en tellen hierboven niet mee.` }] },
    ...actionGroups(ctx, (a) => everyDistrict.includes(a), 2, options),
    ...colophonSection(ctx, 1),
  )
  const about = named.length + mentions.length > 0
    ? `${count(named.length, 'afspraak', 'afspraken')} en ${count(mentions.length, 'zin', 'zinnen')} over ${place}`
    : `geen afspraak die ${place} noemt`
  return assembleReport(ctx, {
    kicker: 'Wat het akkoord belooft voor', name: place, label: `Wijk ${place}`,
    title: `${place}: wat het ${agreement.subtitle.toLowerCase()} van de gemeente ${agreement.municipality} belooft`,
    subject: `Wat het bestuursakkoord van de gemeente ${agreement.municipality} over de wijk ${place} zegt (${about}), wijkwethouder ${holder}, en de afspraken voor alle wijken apart.`,
    keywords: [place, ...parts.map((p) => p.name), 'wijk', 'wijkwethouder', holder],
    coverFacts: [{ term: 'Wijkwethouder', value: aldermanName(wijkwethouder) }],
    body,
  })
}
