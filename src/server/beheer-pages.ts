import type { ServerResponse } from 'node:http'
import { commitmentProgress } from '../editorial/commitment-progress.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import { listAccounts } from '../editorial/accounts.js'
import { currentAssignments } from '../editorial/assignments.js'
import { appendAudit } from '../editorial/audit-trail.js'
import type { EditorialActor } from '../editorial/editorial-actor.js'
import type { EditorSession } from '../editorial/editor-sessions.js'
import { listDrafts, reviewQueue } from '../editorial/editorial-reads.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { progressSnapshot } from '../editorial/served-public-view.js'
import { publishRevision } from '../editorial/publish-revision.js'
import { recordRevision } from '../editorial/record-revision.js'
import { editDraft, supersessionsOf } from '../editorial/edit-draft.js'
import { returnDraft, returnsOf } from '../editorial/return-draft.js'
import { addReviewComment, commentsOf } from '../editorial/review-comments.js'
import { retractRevision } from '../editorial/retract-revision.js'
import { readRevisions, type RevisionRecord, type SubjectKey } from '../editorial/revision-record.js'
import type { UserError } from '../editorial/user-error.js'
import type { AgreementView } from '../read-model/agreement-view.js'
import { describeTarget } from '../reports/dutch-text.js'
import type { ReportTheme } from '../reports/report-theme.js'
import { beheerActionPage, type EditorialHistory, type FormState } from '../web/beheer/action-page.js'
import { beheerActionsPage } from '../web/beheer/actions-page.js'
import { parseBeheerSearch } from '../web/beheer/beheer-search.js'
import { beheerLayout } from '../web/beheer/beheer-layout.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { fieldErrors } from '../web/beheer/form-errors.js'
import { refusalContent } from '../web/beheer/refusal-page.js'
import { reviewQueuePage, type SubjectLabel } from '../web/beheer/review-queue-page.js'
import { parseRevisionForm, revisionFormErrors } from '../web/beheer/revision-form.js'
import { beheerTargetPage } from '../web/beheer/target-page.js'
import type { SafeHtml } from '../web/html.js'
import { parseActionFilters } from '../web/pages/actions-list-page.js'
import { redirectTo, sendBeheerPage } from './beheer-responses.js'
import { assignmentBlock, handleTeamPage } from './beheer-team-pages.js'
import { handleWorksheet } from './beheer-worksheet.js'
import { revisionFormValues } from '../web/beheer/form-prefill.js'

/** One signed-in request to the editorial screens, its form already checked against CSRF. */
export interface BeheerContext {
  response: ServerResponse
  url: URL
  /** The posted form, or null for GET and HEAD. */
  form: URLSearchParams | null
  /** The files of a multipart post (a worksheet), by field name. */
  files: Map<string, Buffer>
  session: EditorSession
  view: AgreementView
  store: EditorialStore
  theme: ReportTheme
  origin: { requestId: string; client: string }
  /**
   * A form shown again instead of the page's own values: posted after the
   * session ended and restored right after signing in (src/server/kept-form.ts),
   * or refused by the store; its notice says which, the page is answered with `status`.
   */
  restored?: { values: Record<string, string>; notice: string; status: number }
  /** The posted body was over its limit and not read (only the worksheet upload is answered with its page then). */
  tooLarge?: boolean
  /** The largest worksheet the upload takes (WORKSHEET_MAX_BYTES), which its page names. */
  worksheetMaxBytes: number
}

const notices: Record<string, string> = {
  vastgelegd: 'Opgeslagen als concept. Een collega-beoordelaar kan het nu publiceren.',
  bijgewerkt: 'Uw concept is bijgewerkt: de nieuwe versie vervangt het, en een collega-beoordelaar ziet alleen die.',
  gepubliceerd: 'Gepubliceerd: het staat nu op de openbare site.',
  teruggestuurd: 'Teruggestuurd naar de opsteller, met uw reden.',
  toegewezen: 'De toewijzing is opgeslagen.',
  opmerking: 'Uw opmerking staat bij het concept; de opsteller ziet die op de pagina van de afspraak.',
  ingetrokken: 'De intrekking is vastgelegd als concept. Een collega-beoordelaar kan die nu publiceren.',
  'niet-ingetrokken': 'Er is niets ingetrokken: vul een reden in, en laad de pagina opnieuw als de status intussen is veranderd.',
  'niet-toegewezen': 'Dit account bestaat niet (meer); er is niets toegewezen.',
}

const actionPattern = /^\/beheer\/afspraak\/([a-z0-9-]{1,200})$/
const targetPattern = /^\/beheer\/doel\/([a-z0-9-]{1,200})$/
const reviewPattern = /^\/beheer\/beoordelen\/(\d{1,15})\/(publiceren|terugsturen|opmerking)$/
const retractPattern = /^\/beheer\/afspraak\/([a-z0-9-]{1,200})\/intrekken$/

/** Answers a signed-in editorial page (GET shows it, POST records and redirects, or shows the refusal); false when the path is none of them. */
export async function handleBeheerPage(ctx: BeheerContext): Promise<boolean> {
  const path = ctx.url.pathname
  if (path === beheerPaths.actions && !ctx.form) return await listPage(ctx)
  const action = actionPattern.exec(path)
  if (action) return await subjectPage(ctx, 'action', action[1]!)
  const target = targetPattern.exec(path)
  if (target) return await subjectPage(ctx, 'target', target[1]!)
  if (path === beheerPaths.queue && !ctx.form) return await queuePage(ctx, { notice: notice(ctx), values: ctx.restored?.values ?? {}, errors: [] }, 200)
  const review = reviewPattern.exec(path)
  if (review && ctx.form) return review[2] === 'publiceren' ? await publish(ctx, Number(review[1])) : review[2] === 'opmerking' ? await comment(ctx, Number(review[1])) : await sendBack(ctx, Number(review[1]))
  const retraction = retractPattern.exec(path)
  if (retraction && ctx.form) return await retract(ctx, retraction[1]!)
  return await handleTeamPage(ctx) || await handleWorksheet(ctx)
}

function page(ctx: BeheerContext, status: number, title: string, content: SafeHtml, trail?: { label: string; href?: string }[]): true {
  return sendBeheerPage(ctx.response, ctx.restored?.status ?? status, beheerLayout({ title, content, theme: ctx.theme, session: ctx.session, trail }))
}

const notice = (ctx: BeheerContext) => (ctx.restored ? ctx.restored.notice : notices[ctx.url.searchParams.get('gedaan') ?? ''] ?? null)

const actorOf = (ctx: BeheerContext): EditorialActor => ({ account: ctx.session.account, ...ctx.origin, now: new Date() })

async function listPage(ctx: BeheerContext): Promise<boolean> {
  const parsed = parseActionFilters(ctx.view, ctx.url.searchParams)
  if ('error' in parsed) return false
  const agreement = ctx.view.agreement.slug
  const drafts = (await listDrafts(ctx.store)).filter((d) => d.subject.agreement === agreement && d.subject.type === 'action')
  const returned = await returnsOf(ctx.store, drafts.map((d) => d.id))
  const replaced = await supersessionsOf(ctx.store, drafts.map((d) => d.id))
  const open = new Map<string, number>()
  for (const draft of drafts) if (!returned.has(draft.id) && !replaced.has(draft.id)) open.set(draft.subject.slug, (open.get(draft.subject.slug) ?? 0) + 1)
  const assignees = new Map([...await currentAssignments(ctx.store, agreement)].map(([slug, a]) => [slug, a.accountName]))
  const accounts = (await listAccounts(ctx.store)).filter((a) => a.revokedAt === null).map((a) => a.name)
  return page(ctx, 200, 'Afspraken beheren', beheerActionsPage(ctx.view, parsed.filters,
    commitmentProgress(await progressSnapshot(ctx.store, agreement), canonicalSlugs(ctx.view.actions.map((a) => a.action))), open,
    parseBeheerSearch(ctx.url.searchParams), assignees, accounts))
}

/** A subject's history as an editor sees it, and the editor's own draft that is not reviewed yet (the form edits it). */
async function historyOf(store: EditorialStore, subject: SubjectKey, accountId: number): Promise<EditorialHistory> {
  const revisions = await readRevisions(store, (q) => q.where('revision.agreement_slug', '=', subject.agreement)
    .where('revision.subject_type', '=', subject.type).where('revision.subject_slug', '=', subject.slug).orderBy('revision.revision', 'desc'))
  const ids = revisions.map((r) => r.id)
  const returns = await returnsOf(store, ids)
  const replaced = await supersessionsOf(store, ids)
  const editing = revisions.find((r) => r.kind !== 'retraction' && !r.publication && r.authorId === accountId && !returns.has(r.id) && !replaced.has(r.id))
  return { revisions, returns, comments: await commentsOf(store, ids), replaced, editing }
}

/** An action's or target's page; a post records a draft through the editorial domain, which validates and audits it. */
async function subjectPage(ctx: BeheerContext, type: 'action' | 'target', slug: string): Promise<boolean> {
  const action = type === 'action' ? ctx.view.actions.find((a) => a.action.slug === slug) : ctx.view.actions.find((a) => a.targets.some((t) => t.slug === slug))
  if (!action) return false
  // A sentence that restates a commitment (same_as) is assessed on its canonical action, whose progress it shows.
  const canonical = type === 'action' ? ctx.view.actions.find((a) => a.action.id === action.action.sameAsId)?.action.slug : undefined
  const subject: SubjectKey = { agreement: ctx.view.agreement.slug, type, slug: canonical ?? slug }
  const path = type === 'action' ? beheerPaths.action(slug) : beheerPaths.target(slug)
  let state: FormState = { notice: notice(ctx), values: {}, errors: [] }
  let conflict = false
  const account = ctx.session.account.id
  const before = await historyOf(ctx.store, subject, account)
  // A correction starts from what stands: the editor's own draft (which the form then edits), else the published revision.
  if (!ctx.form) state = { ...state, values: ctx.restored?.values ?? revisionFormValues(before.editing ?? before.revisions.find((r) => r.publication)) }
  if (ctx.form) {
    const parsed = parseRevisionForm(ctx.form, type === 'action' ? 'assessment' : 'measurement')
    const content = type === 'action' ? { ...parsed, kind: 'assessment' as const, status: parsed.status } : { ...parsed, kind: 'measurement' as const, value: parsed.value }
    const edits = /^\d{1,15}$/.test(ctx.form.get('bewerkt') ?? '') ? Number(ctx.form.get('bewerkt')) : null
    const outcome = edits !== null ? await editDraft(ctx.store, actorOf(ctx), { ...content, revisionId: edits })
      : await recordRevision(ctx.store, actorOf(ctx), { ...content, subject })
    if (outcome.record) return redirectTo(ctx.response, `${path}?gedaan=${edits !== null ? 'bijgewerkt' : 'vastgelegd'}`)
    const values: Record<string, string> = Object.fromEntries(ctx.form)
    // After a conflict the form is shown again over the newer history: a second submit then records over what the editor has now seen.
    conflict = outcome.userErrors.some((e) => e.code === 'CONFLICT')
    if (conflict) {
      delete values.expectedRevision
      delete values.bewerkt
    }
    state = { notice: null, values, errors: revisionFormErrors(outcome.userErrors, parsed, type === 'action' ? 'status' : 'value') }
  }
  // After a post the history is read again: a conflict shows what was recorded meanwhile.
  const history = ctx.form ? await historyOf(ctx.store, subject, account) : before
  // 409 for a conflict (someone recorded meanwhile), 422 for a form that is wrong in itself, as docs/editorial-screens.md says.
  const status = state.errors.length === 0 ? 200 : conflict ? 409 : 422
  const trail = [{ label: 'Beheer', href: beheerPaths.actions }]
  if (type === 'action') {
    return page(ctx, status, `Afspraak: ${action.action.text}`, beheerActionPage(ctx.view, action,
      commitmentProgress(await progressSnapshot(ctx.store, subject.agreement), canonicalSlugs(ctx.view.actions.map((a) => a.action))), history, ctx.session.csrfToken, state,
      await assignmentBlock(ctx, slug)),
      [...trail, { label: 'Afspraak' }])
  }
  const target = action.targets.find((t) => t.slug === slug)!
  return page(ctx, status, `Doel: ${describeTarget(target)}`, beheerTargetPage(target, action, history, ctx.session.csrfToken, state),
    [...trail, { label: 'Afspraak', href: beheerPaths.action(action.action.slug) }, { label: 'Doel' }])
}

/** Whether the account may review; an editor who tries is refused with a page, and a refused post is audited like the API's FORBIDDEN. */
async function mayReview(ctx: BeheerContext, operation?: string): Promise<boolean> {
  if (ctx.session.account.role !== 'editor') return true
  if (operation) await appendAudit(ctx.store, { accountId: ctx.session.account.id, operation, outcome: 'refused', codes: ['FORBIDDEN'], ...ctx.origin })
  sendBeheerPage(ctx.response, 403, beheerLayout({ ...refusalContent('role'), theme: ctx.theme, session: ctx.session }))
  return false
}

async function queuePage(ctx: BeheerContext, state: FormState, status: number): Promise<boolean> {
  if (!await mayReview(ctx)) return true
  const label: SubjectLabel = (subject) => {
    const action = ctx.view.actions.find((a) => (subject.type === 'action' ? a.action.slug === subject.slug : a.targets.some((t) => t.slug === subject.slug)))
    const target = action?.targets.find((t) => t.slug === subject.slug)
    if (subject.type === 'target') return { text: target ? describeTarget(target) : subject.slug, href: beheerPaths.target(subject.slug), unit: target?.unit ?? null }
    return { text: action?.action.text ?? subject.slug, href: beheerPaths.action(subject.slug), unit: null }
  }
  const drafts = (await reviewQueue(ctx.store, ctx.session.account.id)).filter((d) => d.subject.agreement === ctx.view.agreement.slug)
  const snapshot = await progressSnapshot(ctx.store, ctx.view.agreement.slug)
  const comments = await commentsOf(ctx.store, drafts.map((d) => d.id))
  const context = (draft: RevisionRecord) => ({
    published: draft.subject.type === 'action' ? snapshot.progressOf(draft.subject.slug) : snapshot.measurementsOf(draft.subject.slug)[0] ?? null,
    comments: comments.get(draft.id) ?? [],
  })
  return page(ctx, status, 'Te beoordelen', reviewQueuePage(drafts, label, ctx.session.csrfToken, state, context), [{ label: 'Beheer', href: beheerPaths.actions }, { label: 'Te beoordelen' }])
}

async function refusedReview(ctx: BeheerContext, id: number, errors: readonly UserError[], values: Record<string, string> = {}): Promise<boolean> {
  const state = { notice: null, values, errors: fieldErrors(errors, (path) => (path[0] === 'reason' ? `reden-${id}` : null), `publiceren-${id}`) }
  return await queuePage(ctx, state, errors.some((e) => e.code === 'INVALID') ? 422 : 409)
}

async function publish(ctx: BeheerContext, id: number): Promise<boolean> {
  if (!await mayReview(ctx, 'publishProgress')) return true
  const outcome = await publishRevision(ctx.store, actorOf(ctx), id)
  return outcome.record ? redirectTo(ctx.response, `${beheerPaths.queue}?gedaan=gepubliceerd`) : await refusedReview(ctx, id, outcome.userErrors)
}

/** A reviewer's comment on a draft: the author sees it beside the draft. */
async function comment(ctx: BeheerContext, id: number): Promise<boolean> {
  if (!await mayReview(ctx, 'commentDraft')) return true
  const outcome = await addReviewComment(ctx.store, actorOf(ctx), { revisionId: id, comment: ctx.form!.get('comment') ?? '' })
  return outcome.record ? redirectTo(ctx.response, `${beheerPaths.queue}?gedaan=opmerking`)
    : await refusedReview(ctx, id, outcome.userErrors.map((e) => (e.field.at(-1) === 'comment' ? { ...e, field: ['input', 'reason'] } : e)))
}

/** Records the retraction of an action's published status, as a draft for a reviewer. */
async function retract(ctx: BeheerContext, slug: string): Promise<boolean> {
  if (!ctx.view.actions.some((a) => a.action.slug === slug)) return false
  const revisionId = Number(ctx.form!.get('revisionId'))
  const current = (await progressSnapshot(ctx.store, ctx.view.agreement.slug)).progressOf(slug)
  // Only the status that stands now can be withdrawn from this form.
  const outcome = await retractRevision(ctx.store, actorOf(ctx), { revisionId: current && current.id === revisionId ? revisionId : null, reason: ctx.form!.get('reason') ?? '' })
  return redirectTo(ctx.response, `${beheerPaths.action(slug)}?gedaan=${outcome.record ? 'ingetrokken' : 'niet-ingetrokken'}`)
}

async function sendBack(ctx: BeheerContext, id: number): Promise<boolean> {
  if (!await mayReview(ctx, 'returnDraft')) return true
  const reason = ctx.form!.get('reason') ?? ''
  const outcome = await returnDraft(ctx.store, actorOf(ctx), { revisionId: id, reason })
  return outcome.record ? redirectTo(ctx.response, `${beheerPaths.queue}?gedaan=teruggestuurd`) : await refusedReview(ctx, id, outcome.userErrors, { [`reden-${id}`]: reason })
}
