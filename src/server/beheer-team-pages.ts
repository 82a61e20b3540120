import { listAccounts } from '../editorial/accounts.js'
import { assignActions, currentAssignments } from '../editorial/assignments.js'
import { readDutchDate } from '../editorial/dutch-input.js'
import { closeRound, defaultRound, findRound, listRounds, openRound, openRoundOf } from '../editorial/reporting-rounds.js'
import { actionWork } from '../editorial/round-work.js'
import { todayInAssen } from '../editorial/validate-revision.js'
import { html, type SafeHtml } from '../web/html.js'
import { beheerLayout, csrfField, roleLabel } from '../web/beheer/beheer-layout.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { fieldErrors, type FieldError } from '../web/beheer/form-errors.js'
import { myListPage, overviewPage } from '../web/beheer/overview-page.js'
import { roundsPage } from '../web/beheer/rounds-page.js'
import { refusalContent } from '../web/beheer/refusal-page.js'
import type { BeheerContext } from './beheer-pages.js'
import { redirectTo, sendBeheerPage } from './beheer-responses.js'

const closePattern = /^\/beheer\/rondes\/([a-z0-9-]{1,80})\/sluiten$/
const assignPattern = /^\/beheer\/afspraak\/([a-z0-9-]{1,200})\/toewijzen$/

const roundNotices: Record<string, string> = { geopend: 'De ronde is geopend.', gesloten: 'De ronde is gesloten: het beeld ervan ligt nu vast.' }

/** The team's screens: rounds (opened and closed by an administrator), the overview, each editor's own list, and assigning actions. */
export async function handleTeamPage(ctx: BeheerContext): Promise<boolean> {
  const path = ctx.url.pathname
  if (path === beheerPaths.rounds) return ctx.form ? await postRound(ctx) : await showRounds(ctx, ctx.restored?.values ?? {}, [], 200)
  const close = closePattern.exec(path)
  if (close && ctx.form) return await postClose(ctx, close[1]!)
  if (path === beheerPaths.overview && !ctx.form) return await showOverview(ctx)
  if (path === beheerPaths.myList && !ctx.form) return await showMyList(ctx)
  const assign = assignPattern.exec(path)
  if (assign && ctx.form) return await postAssign(ctx, assign[1]!)
  return false
}

function page(ctx: BeheerContext, status: number, title: string, content: SafeHtml): true {
  return sendBeheerPage(ctx.response, ctx.restored?.status ?? status, beheerLayout({ title, content, theme: ctx.theme, session: ctx.session, trail: [{ label: 'Beheer', href: beheerPaths.actions }, { label: title }] }))
}

const actor = (ctx: BeheerContext) => ({ account: ctx.session.account, ...ctx.origin, now: new Date() })
const agreementOf = (ctx: BeheerContext) => ctx.view.agreement.slug

function refuseRole(ctx: BeheerContext): true {
  return sendBeheerPage(ctx.response, 403, beheerLayout({ ...refusalContent('role'), theme: ctx.theme, session: ctx.session }))
}

async function showRounds(ctx: BeheerContext, values: Record<string, string>, errors: FieldError[], status: number): Promise<true> {
  return page(ctx, status, 'Rapportagerondes', roundsPage(await listRounds(ctx.store, agreementOf(ctx)), {
    admin: ctx.session.account.role === 'admin', csrfToken: ctx.session.csrfToken, values, errors, notice: ctx.restored ? ctx.restored.notice : roundNotices[ctx.url.searchParams.get('gedaan') ?? ''] ?? null,
  }))
}

async function postRound(ctx: BeheerContext): Promise<true> {
  if (ctx.session.account.role !== 'admin') return refuseRole(ctx)
  const form = ctx.form!
  const readErrors: FieldError[] = []
  const date = (id: string) => {
    const reading = readDutchDate(form.get(id) ?? '')
    if (reading.ok) return reading.value
    readErrors.push({ id, message: reading.message })
    return form.get(id) ?? ''
  }
  const input = { agreement: agreementOf(ctx), name: form.get('name') ?? '', peildatum: date('peildatum'), opensOn: date('opensOn'), closesOn: date('closesOn') }
  if (readErrors.length === 0) {
    const outcome = await openRound(ctx.store, actor(ctx), input)
    if (outcome.record) return redirectTo(ctx.response, `${beheerPaths.rounds}?gedaan=geopend`)
    readErrors.push(...fieldErrors(outcome.userErrors, (p) => p[0] ?? null, 'name').map((e) => ({ ...e, message: roundMessage(e, outcome.userErrors) })))
  }
  return await showRounds(ctx, Object.fromEntries(form), readErrors, 422)
}

/** The domain's refusals of a round in Dutch. */
function roundMessage(error: FieldError, source: readonly { code: string; message: string }[]): string {
  if (source.some((e) => e.code === 'CONFLICT')) return 'Er is al een open ronde: sluit die eerst.'
  if (error.id === 'closesOn') return 'De ronde kan niet sluiten voordat hij opent.'
  if (error.id === 'name') return 'Vul een naam in die nog niet voor een andere ronde is gebruikt.'
  return error.message
}

async function postClose(ctx: BeheerContext, slug: string): Promise<true> {
  if (ctx.session.account.role !== 'admin') return refuseRole(ctx)
  const outcome = await closeRound(ctx.store, actor(ctx), agreementOf(ctx), slug)
  if (outcome.record) return redirectTo(ctx.response, `${beheerPaths.rounds}?gedaan=gesloten`)
  return await showRounds(ctx, {}, [{ id: 'name', message: 'Deze ronde bestaat niet of is al gesloten.' }], 409)
}

async function chosenRound(ctx: BeheerContext) {
  const slug = ctx.url.searchParams.get('ronde')
  return slug ? findRound(ctx.store, agreementOf(ctx), slug) : defaultRound(await listRounds(ctx.store, agreementOf(ctx)))
}

async function showOverview(ctx: BeheerContext): Promise<boolean> {
  const per = ctx.url.searchParams.get('per') === 'wethouder' ? 'wethouder' : 'thema'
  const round = await chosenRound(ctx)
  const work = await actionWork(ctx.store, agreementOf(ctx), ctx.view.actions.map((a) => a.action.slug), round, todayInAssen(new Date()))
  return page(ctx, 200, 'Overzicht', overviewPage(ctx.view, per, round, work))
}

async function showMyList(ctx: BeheerContext): Promise<boolean> {
  const assignments = await currentAssignments(ctx.store, agreementOf(ctx))
  const slugs = [...assignments.values()].filter((a) => a.accountId === ctx.session.account.id).map((a) => a.actionSlug)
  const work = await actionWork(ctx.store, agreementOf(ctx), slugs, await openRoundOf(ctx.store, agreementOf(ctx)), todayInAssen(new Date()))
  return page(ctx, 200, 'Mijn lijst', myListPage(ctx.view, slugs, work, ctx.session.account.name))
}

async function postAssign(ctx: BeheerContext, slug: string): Promise<boolean> {
  if (!ctx.view.actions.some((a) => a.action.slug === slug)) return false
  if (ctx.session.account.role === 'editor') return refuseRole(ctx)
  const chosen = ctx.form!.get('accountId') ?? ''
  const accountId = chosen === '' ? null : /^\d{1,9}$/.test(chosen) ? Number(chosen) : -1
  const outcome = await assignActions(ctx.store, actor(ctx), agreementOf(ctx), [slug], accountId)
  return redirectTo(ctx.response, `${beheerPaths.action(slug)}?gedaan=${outcome.record ? 'toegewezen' : 'niet-toegewezen'}`)
}

/** On an action's page: who it is assigned to, and for a reviewer or administrator the form to change that. */
export async function assignmentBlock(ctx: BeheerContext, slug: string): Promise<SafeHtml> {
  const current = (await currentAssignments(ctx.store, agreementOf(ctx))).get(slug)
  const may = ctx.session.account.role !== 'editor'
  const editors = (await listAccounts(ctx.store)).filter((a) => a.revokedAt === null)
  return html`<h2 id="toewijzing">Toegewezen aan</h2>
<p>${current ? current.accountName : 'Nog aan niemand toegewezen.'}</p>
${may ? html`<form method="post" action="${beheerPaths.assign(slug)}" class="assign">${csrfField(ctx.session.csrfToken)}
<div class="field"><label for="accountId">Toewijzen aan</label><select id="accountId" name="accountId"><option value="">Niemand</option>${editors.map((a) =>
    html`<option value="${String(a.id)}"${current?.accountId === a.id ? html` selected` : ''}>${a.name} (${roleLabel(a.role)})</option>`)}</select></div>
<button type="submit" class="button secondary">Toewijzen</button></form>` : ''}`
}
