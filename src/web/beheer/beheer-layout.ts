import type { Account } from '../../editorial/accounts.js'
import type { ReportTheme } from '../../reports/report-theme.js'
import { html, type SafeHtml } from '../html.js'
import { styleText } from '../css-text.js'
import { breadcrumbTrail, themeStyle, type TrailStep } from '../page-layout.js'
import { beheerPaths } from './beheer-paths.js'

/** What every editorial page needs besides its content. */
export interface BeheerShell {
  title: string
  content: SafeHtml
  theme: ReportTheme
  /** The signed-in account and its form token; absent on the sign-in page and on refusals before sign-in. */
  session?: { account: Account; csrfToken: string }
  trail?: TrailStep[]
}

const roleLabels: Record<string, string> = { editor: 'redacteur', reviewer: 'beoordelaar', admin: 'beheerder' }

/** The Dutch name of an editorial role. */
export const roleLabel = (role: string): string => roleLabels[role] ?? role

/** The hidden field that carries a session's form token (every form post must have it). */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrfToken}">`
}

/**
 * The shell of the editorial screens: the site's look, its own navigation,
 * the account and a sign-out button. Its footer says the one cookie it sets.
 */
export function beheerLayout({ title, content, theme, session, trail }: BeheerShell): SafeHtml {
  const reviewer = session && session.account.role !== 'editor'
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} · Beheer · Open Akkoord Assen</title>
<style>${styleText(themeStyle(theme))}</style>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="beheer">
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="${session ? beheerPaths.actions : beheerPaths.signIn}">Open Akkoord <span>Beheer</span></a>
    ${session ? html`<nav aria-label="Beheermenu"><ul>
      <li><a href="${beheerPaths.actions}">Afspraken</a></li>
      <li><a href="${beheerPaths.overview}">Overzicht</a></li>
      <li><a href="${beheerPaths.myList}">Mijn lijst</a></li>
      <li><a href="${beheerPaths.rounds}">Rondes</a></li>
      <li><a href="${beheerPaths.worksheet}">Werkblad</a></li>
      ${reviewer ? html`<li><a href="${beheerPaths.queue}">Te beoordelen</a></li>` : ''}
      <li><a href="/">Openbare site</a></li>
    </ul></nav>
    <form class="sign-out" method="post" action="${beheerPaths.signOut}">${csrfField(session.csrfToken)}
      <span>${session.account.name} (${roleLabel(session.account.role)})</span>
      <button type="submit" class="button secondary">Afmelden</button>
    </form>` : ''}
  </div>
</header>
<main id="inhoud" class="wrap" tabindex="-1">
${breadcrumbTrail(trail)}
${content}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Dit is het beheer van Open Akkoord Assen, alleen voor redacteuren, beoordelaars en beheerders van de gemeente.
    Na het aanmelden bewaart uw browser één cookie om u aangemeld te houden; afmelden of de verlooptijd maakt die ongeldig.</p>
  </div>
</footer>
</body>
</html>`
}
