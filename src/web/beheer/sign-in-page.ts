import { html, type SafeHtml } from '../html.js'
import { beheerPaths } from './beheer-paths.js'
import { errorsAt, errorSummary, invalidAttributes, type FieldError } from './form-errors.js'

/** What the sign-in page says above the form. */
export type SignInNotice = 'signed-out' | 'expired' | 'kept' | null

const notices: Record<Exclude<SignInNotice, null>, string> = {
  'signed-out': 'U bent afgemeld.',
  expired: 'Meld u aan om verder te gaan. Was u aangemeld, dan is uw sessie verlopen of beëindigd; wat u toen verstuurde is niet opgeslagen.',
  kept: 'Uw sessie was verlopen, daarom is er niets opgeslagen. Wat u had ingevuld is bewaard: meld u opnieuw aan, dan staat het weer in het formulier.',
}

/** What the form says when it is shown again after signing in: the text is back, and not yet saved. */
export const restoredNotice = 'Uw sessie was verlopen. Wat u had ingevuld is bewaard en staat hieronder weer in het formulier; er is nog niets opgeslagen. Kijk het na en verstuur het opnieuw.'

/** The sign-in form: the account's token once, then a session cookie carries the sign-in. */
export function signInPage(options: { formToken: string; notice: SignInNotice; errors: readonly FieldError[]; kept?: string | null }): SafeHtml {
  const { errors } = options
  return html`<h1>Aanmelden voor beheer</h1>
${options.notice ? html`<p class="notice" role="status">${notices[options.notice]}</p>` : ''}
<p class="lead">Hier leggen redacteuren de voortgang van de afspraken vast en publiceren beoordelaars die. Meld u aan met de toegangscode van uw account.</p>
<form class="sign-in" method="post" action="${beheerPaths.signIn}" novalidate>
${errorSummary(errors)}
<input type="hidden" name="csrf" value="${options.formToken}">
${options.kept ? html`<input type="hidden" name="bewaard" value="${options.kept}">` : ''}
<div class="field${errors.length > 0 ? ' has-error' : ''}"><label for="token">Toegangscode</label>
<p class="hint" id="token-hint">De code die u van de beheerder kreeg (begint met oa_). U geeft hem één keer; daarna blijft u aangemeld tot u zich afmeldt of de sessie verloopt.</p>
${errorsAt(errors, 'token')}
<input id="token" name="token" type="password" autocomplete="current-password" spellcheck="false" required${invalidAttributes(errors, 'token', 'token-hint')}></div>
<button type="submit">Aanmelden</button>
</form>`
}
