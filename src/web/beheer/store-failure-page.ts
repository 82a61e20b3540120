import { html, type SafeHtml } from '../html.js'
import { beheerPaths } from './beheer-paths.js'

/** What an editor reads when a store refuses, by the failure's `error` (src/store/store-failure.ts): what happened, and what to do. */
const texts: Record<string, { title: string; cause: string; advice: string }> = {
  store_full: {
    title: 'De opslag is vol',
    cause: 'De schijf waarop het beheer zijn gegevens bewaart, is vol.',
    advice: 'Meld dit bij de beheerder van de server en verstuur het opnieuw zodra er weer ruimte is.',
  },
  store_read_only: {
    title: 'De opslag neemt geen wijzigingen aan',
    cause: 'De opslag van het beheer kan op dit moment niets wegschrijven (hij staat op alleen-lezen).',
    advice: 'Meld dit bij de beheerder van de server en verstuur het opnieuw zodra het is verholpen.',
  },
  store_io_error: {
    title: 'De schijf van de opslag geeft fouten',
    cause: 'De schijf waarop het beheer zijn gegevens bewaart, gaf een fout bij lezen of schrijven.',
    advice: 'Meld dit bij de beheerder van de server en verstuur het opnieuw zodra het is verholpen.',
  },
  busy: {
    title: 'Het beheer is even bezet',
    cause: 'Op dit moment wordt er elders in het beheer opgeslagen.',
    advice: 'Probeer het over een paar seconden opnieuw.',
  },
  store_unavailable: {
    title: 'De opslag is niet bereikbaar',
    cause: 'De server kan de opslag van het beheer nu niet bereiken.',
    advice: 'Probeer het over een minuut opnieuw; blijft het zo, meld het dan bij de beheerder van de server.',
  },
  database_changed: {
    title: 'De gegevens zijn nu niet leesbaar',
    cause: 'Het gegevensbestand van de server is vervangen terwijl die draaide.',
    advice: 'Meld dit bij de beheerder van de server.',
  },
}

const textOf = (error: string) => texts[error] ?? texts.store_unavailable!

/** The notice above a form shown again after a store refused to save it: nothing was saved, what was typed is still in the form. */
export function storeFailureNotice(error: string): string {
  const text = textOf(error)
  return `Niet opgeslagen: ${text.cause} Er is niets opgeslagen; wat u had ingevuld staat hieronder nog in het formulier. ${text.advice}`
}

/**
 * The page of a store failure when no form can be shown again (a page that
 * could not be read, or a post without typed text). Typed text that could not
 * be put back in its form is shown to copy, so none of it is lost.
 */
export function storeFailureContent(error: string, posted: boolean, typed: Record<string, string> = {}): { title: string; content: SafeHtml } {
  const text = textOf(error)
  const values = Object.entries(typed).filter(([name]) => name !== 'expectedRevision' && name !== 'bewerkt').map(([, value]) => value)
  return {
    title: text.title,
    content: html`<h1>${text.title}</h1>
<p class="notice" role="alert">${text.cause}${posted ? ' Er is niets opgeslagen.' : ''} ${text.advice}</p>
${values.length > 0 ? html`<h2>Wat u had ingevuld</h2>
<p>Kopieer het hieronder, zodat u het later opnieuw kunt versturen.</p>
${values.map((value) => html`<pre class="kept-text">${value}</pre>`)}` : ''}
<p><a href="${beheerPaths.actions}">Naar het beheer</a></p>`,
  }
}
