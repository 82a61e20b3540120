import { cc0Iri } from '../../model/cc0.js'
import { formatDate } from '../dutch-text.js'
import { reportPath, type ReportContext } from '../report-context.js'
import type { Block, HeadingBlock } from '../report-model.js'

const licences: Record<string, { name: string; url: string }> = {
  'CC0-1.0': { name: 'CC0 1.0 Universeel: vrij te gebruiken, zonder voorwaarden', url: cc0Iri },
}

/**
 * Where the report comes from and where to find more: source document and its
 * SHA-256, data version, licence, the API and the dumps, the other format of
 * this report, and what this PDF and HTML do and do not offer in accessibility.
 */
export function colophonSection(ctx: ReportContext, level: HeadingBlock['level'], title = 'Colofon'): Block[] {
  const { agreement } = ctx.view
  const licence = licences[agreement.license] ?? { name: agreement.license, url: `https://spdx.org/licenses/${agreement.license}.html` }
  const link = (path: string) => [{ text: `${ctx.baseUrl}${path}`, href: `${ctx.baseUrl}${path}` }]
  return [
    ctx.heading(level, title, { keepTogether: true }),
    {
      kind: 'paragraph',
      content: [{ text: `Dit overzicht is samengesteld uit de open data van het bestuursakkoord ${agreement.title} (${agreement.subtitle}) van de gemeente ${agreement.municipality}. `
        + 'Afspraken, doelen en spelregels zijn letterlijk overgenomen uit de brontekst; indeling, samenvattende zinnen en totalen zijn toegevoegd.' }],
    },
    {
      kind: 'facts',
      items: [
        { term: 'Brondocument', value: [{ text: `${agreement.sourceFile} (${agreement.sourceLineCount} regels)` }] },
        { term: 'SHA-256 van de bron', value: [{ text: agreement.sourceSha256 }] },
        { term: 'Gepresenteerd', value: [{ text: formatDate(agreement.presentedOn) }] },
        { term: 'Dataversie', value: [{ text: formatDate(agreement.dataVersion) }] },
        { term: 'Licentie', value: [{ text: `${licence.name}. ` }, { text: licence.url, href: licence.url }] },
        { term: 'API (GraphQL)', value: link('/graphql') },
        { term: 'Open data (downloads)', value: link('/data/') },
        { term: 'Dit rapport als HTML', value: link(reportPath(ctx.type, ctx.slug, 'html')) },
        { term: 'Dit rapport als PDF', value: link(reportPath(ctx.type, ctx.slug, 'pdf')) },
      ],
    },
    {
      kind: 'paragraph', variant: 'note',
      content: [{ text: 'Toegankelijkheid. ', strong: true },
        { text: 'Dit rapport is er als PDF en als webpagina, met dezelfde inhoud. De PDF is getagd: koppen, alinea\'s, lijsten, tabellen met kopcellen, '
          + 'de grafiek met een beschrijving, de inhoudsopgave en de links zijn voor voorleessoftware te volgen, en de taal is Nederlands. '
          + 'De webpagina is gemaakt volgens WCAG 2.1 niveau AA en past zich aan elk scherm aan.' }],
    },
  ]
}
