import { commitmentCount } from '../../read-model/canonical-action.js'
import { actionKinds } from '../../store/database.js'
import { actionKindExplanation, actionKindLabel, joinList } from '../dutch-text.js'
import { formatEuro } from '../format-euro.js'
import type { ReportContext } from '../report-context.js'
import type { Block, FactsBlock, HeadingBlock } from '../report-model.js'
import { termTotal, yearLabel } from './budget-amounts.js'

/** What each kind of commitment means, as a list a reader can look up. */
export function actionKindsFacts(): FactsBlock {
  return { kind: 'facts', items: actionKinds.map((kind) => ({ term: actionKindLabel(kind), value: [{ text: actionKindExplanation(kind) }] })) }
}

/**
 * The "Verantwoording" appendix of the full report: what is quoted and what
 * was added, and, in words rather than line numbers and sums, where the
 * curators had to decide what the published text leaves open (which list of
 * tasks belongs to which alderman, in which year a budget amount falls).
 */
export function accountabilitySection(ctx: ReportContext, level: HeadingBlock['level']): Block[] {
  const { view } = ctx
  const sub = (level + 1) as HeadingBlock['level']
  const wholeCollege = view.actions.filter((a) => a.action.wholeCollege).length
  const derived = view.portfolios.filter((p) => p.portfolio.assignmentInferred).map((p) => p.holder.name)
  const inferredLines = view.budget.lines.filter((l) => l.amounts.some((a) => a.inferred))
  const years = view.budget.years
  const paragraph = (text: string): Block => ({ kind: 'paragraph', content: [{ text }] })
  return [
    ctx.heading(level, 'Verantwoording'),
    paragraph(`Dit overzicht volgt de gepubliceerde tekst van het bestuursakkoord. De tekst van de onderwerpen, de afspraken, de doelen en de spelregels `
      + 'staan er letterlijk in. Toegevoegd zijn: de indeling in hoofdstukken, de soort van elke afspraak, de wethouder die erover gaat, de wijken die een afspraak noemt, '
      + 'de samenvattende zinnen en de totalen.'),
    ctx.heading(sub, 'Soorten afspraken'),
    paragraph('Elke afspraak is ingedeeld naar wat het college belooft te doen:'),
    actionKindsFacts(),
    ctx.heading(sub, 'Welke wethouder erover gaat'),
    paragraph('Bij elke afspraak staat de wethouder in wiens portefeuille het onderwerp valt, volgens de portefeuilleverdeling achter in het akkoord. '
      + 'Openbare orde en veiligheid horen bij de burgemeester, die geen portefeuille in deze verdeling heeft; bij zulke afspraken staat geen wethouder.'),
    paragraph(`${wholeCollege} afspraken horen bij het college als geheel, niet bij één wethouder: het maandelijkse wijkbezoek, de maandagochtenden in het stadhuis, `
      + 'het werken met wijkwethouders, de afspraken met de raad, de oproep aan de stad en de tussentijdse evaluatie. Daar staat "het college als geheel" bij.'),
    paragraph(`Sommige zinnen herhalen een toezegging die het akkoord eerder al deed. Zo'n zin staat bij zijn plaats in de tekst, maar telt niet als een nieuwe toezegging `
      + `en toont de voortgang van de eerste vermelding: de ${view.actions.length} afspraken zijn ${commitmentCount(view.actions.map((a) => a.action))} afzonderlijke toezeggingen.`),
    ...(derived.length > 0 ? [paragraph(`Op de pagina met de portefeuilleverdeling staan in de gepubliceerde tekst de namen en de takenlijsten niet overal netjes bij elkaar. `
      + `Voor ${joinList(derived)} is daarom afgeleid welke takenlijst bij wie hoort: uit de volgorde op de pagina en uit de onderwerpen die elders in het akkoord aan hen gekoppeld zijn.`)] : []),
    ctx.heading(sub, 'De jaren in de financiële doorrekening'),
    paragraph(`In de gepubliceerde tekst is de tabel met de financiële doorrekening zijn kolommen kwijtgeraakt: van elke post staan de bedragen er wel, maar niet altijd in welk jaar ze vallen. `
      + `De totalen per jaar staan er wel: ${joinList(years.map((y) => `${formatEuro(y.amount)} in ${yearLabel(y.year, y.continuing)}`))}, samen ${formatEuro(termTotal(years))}.`),
    paragraph(`Voor ${inferredLines.length} posten is het jaar daarom bepaald. Een post met vier bedragen staat onder de vier kolommen van 2023 tot en met 2026 e.v. `
      + 'Voor een deel van de andere posten laten de totalen maar één verdeling toe; zo valt een storting in een reserve in één keer in 2023. '
      + 'Waar de totalen meer verdelingen toelaten, is gekozen wat de tekst van het akkoord zegt: de posten met twee bedragen staan in 2023 en 2024, '
      + 'omdat het college na twee jaar evalueert voordat het over een vervolg besluit. Met de gekozen verdeling telt elk jaar precies op tot het gepubliceerde totaal; '
      + 'zou dat niet zo zijn, dan maakt Open Akkoord dit overzicht niet.'),
    paragraph('In de tabellen staat bij zo\'n bedrag een sterretje (*). De onderbouwing per post staat ook in de open data, bij elk bedrag.'),
  ]
}
