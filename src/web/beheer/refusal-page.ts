import { html, type SafeHtml } from '../html.js'
import { beheerPaths } from './beheer-paths.js'

/** Why an editorial request was refused, for the page that says so. */
export type Refusal = 'csrf' | 'role' | 'not-found' | 'too-large' | 'method'

const texts: Record<Refusal, { title: string; body: string }> = {
  csrf: {
    title: 'Verzoek geweigerd',
    body: 'Dit formulier kwam niet van een pagina van het beheer zelf, of het hoort bij een eerdere aanmelding. Er is niets opgeslagen. Ga terug naar het beheer, laad de pagina opnieuw en verstuur het formulier nog eens.',
  },
  role: {
    title: 'Niet toegestaan',
    body: 'Uw rol mag dit niet. Concepten beoordelen en publiceren doen beoordelaars en beheerders. Er is niets opgeslagen.',
  },
  'too-large': {
    title: 'Formulier te groot',
    body: 'Het verstuurde formulier is groter dan het beheer aanneemt. Er is niets opgeslagen. Maak de toelichting korter en probeer het opnieuw.',
  },
  method: {
    title: 'Niet toegestaan',
    body: 'Het beheer beantwoordt alleen het openen van pagina\'s en het versturen van formulieren.',
  },
  'not-found': {
    title: 'Niet gevonden',
    body: 'Op dit adres staat niets in het beheer. Kies een afspraak uit de lijst.',
  },
}

/** The content of a refusal page (403 or 404) with a way back. */
export function refusalContent(refusal: Refusal): { title: string; content: SafeHtml } {
  const text = texts[refusal]
  return { title: text.title, content: html`<h1>${text.title}</h1><p>${text.body}</p><p><a href="${beheerPaths.actions}">Naar het beheer</a></p>` }
}
