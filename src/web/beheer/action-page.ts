import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { DraftReturn } from '../../editorial/return-draft.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { describeTarget } from '../../reports/dutch-text.js'
import { html, type SafeHtml } from '../html.js'
import { actionContext } from '../pages/action-page.js'
import { statusBadge } from '../progress/progress-blocks.js'
import { webPaths } from '../web-paths.js'
import { beheerPaths } from './beheer-paths.js'
import type { FormValues } from './form-controls.js'
import type { FieldError } from './form-errors.js'
import { revisionForm } from './revision-form.js'
import { revisionHistory } from './revision-items.js'
import type { ReviewComment } from '../../editorial/review-comments.js'
import { csrfField } from './beheer-layout.js'

/** What an editor sees of one subject: its revisions (drafts included) and how drafts were sent back. */
export interface EditorialHistory {
  revisions: readonly RevisionRecord[]
  returns: Map<number, DraftReturn>
  /** Reviewers' comments by revision. */
  comments?: Map<number, ReviewComment[]>
  /** Drafts their authors edited: the id of the edit, by the replaced draft's id. */
  replaced?: Map<number, number>
  /** The signed-in editor's own draft that the form edits (not reviewed yet), if there is one. */
  editing?: RevisionRecord
}

/** What the page says after a post: what was done, or the form's refusal. */
export interface FormState {
  notice: string | null
  values: FormValues
  errors: readonly FieldError[]
}

/**
 * An action in the editorial screens: its text and context, the status the
 * public sees, every revision with drafts and returns, its targets, and the
 * form to record a new status with evidence.
 */
export function beheerActionPage(view: AgreementView, action: ActionView, progress: ProgressSnapshot, history: EditorialHistory, csrfToken: string, state: FormState, team: SafeHtml | '' = ''): SafeHtml {
  const { theme, topic } = actionContext(view, action)
  const slug = action.action.slug
  const { startLine: start, endLine: end } = action.action.source
  const latest = history.revisions[0]?.revision ?? 0
  return html`<h1><span class="kicker">Afspraak:</span> ${action.action.text}</h1>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ''}
<dl class="facts">
  ${theme ? html`<dt>Thema</dt><dd>${theme.theme.name}</dd>` : ''}
  ${topic ? html`<dt>Onderwerp</dt><dd>${topic.topic.title}</dd>` : ''}
  ${action.portfolios.length > 0 ? html`<dt>Verantwoordelijk</dt><dd>${action.portfolios.map((p) => p.holder.name).join(', ')}</dd>` : ''}
  <dt>Bron</dt><dd>Bestuursakkoord, regel${start === end ? ` ${start}` : `s ${start}-${end}`}</dd>
  <dt>Openbare status</dt><dd>${statusBadge(progress.statusOf(slug) as ProgressStatus)} <a href="${webPaths.action(slug)}">Bekijk op de openbare site</a></dd>
</dl>
${team}
${action.targets.length > 0 ? html`<h2 id="doelen">Doelen</h2><ul class="target-links">${action.targets.map((t) =>
    html`<li><a href="${beheerPaths.target(t.slug)}">${describeTarget(t)}</a></li>`)}</ul>` : ''}
<h2 id="vastleggen">Status vastleggen</h2>
${revisionForm({ action: beheerPaths.action(slug), csrfToken, record: { kind: 'assessment' }, latestRevision: latest, values: state.values, errors: state.errors, editing: history.editing })}
${retractForm(slug, progress, csrfToken, state.values['intrekken-reden'] ?? '')}
<h2 id="geschiedenis">Geschiedenis en concepten</h2>
${revisionHistory(history.revisions, history.returns, null, history.comments, history.replaced)}`
}

/** Withdrawing the published status: a retraction with a reason, which a reviewer then publishes like any draft. */
function retractForm(slug: string, progress: ProgressSnapshot, csrfToken: string, reason: string): SafeHtml | '' {
  const current = progress.progressOf(slug)
  if (!current) return ''
  return html`<h2 id="intrekken">Gepubliceerde status intrekken</h2>
<p>Klopt de gepubliceerde status niet, en is er (nog) geen betere? Trek hem in met een reden. De intrekking is een concept: na publicatie door een
beoordelaar staat de afspraak weer als niet beoordeeld, en de intrekking met de reden staat in de geschiedenis.</p>
<form method="post" action="${beheerPaths.retract(slug)}" class="send-back">${csrfField(csrfToken)}
<input type="hidden" name="revisionId" value="${String(current.id)}">
<div class="field"><label for="intrekken-reden">Reden van de intrekking</label>
<textarea id="intrekken-reden" name="reason" rows="2" required>${reason}</textarea></div>
<button type="submit" class="button secondary">Intrekking vastleggen</button>
</form>`
}
