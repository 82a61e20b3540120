import type { RevisionRecord, SubjectKey } from '../../editorial/revision-record.js'
import { html, type SafeHtml } from '../html.js'
import { csrfField } from './beheer-layout.js'
import { beheerPaths } from './beheer-paths.js'
import type { FormState } from './action-page.js'
import { errorsAt, errorSummary, invalidAttributes } from './form-errors.js'
import { revisionItem } from './revision-items.js'
import { reviewComments, reviewDiff } from './review-diff.js'
import type { ReviewComment } from '../../editorial/review-comments.js'

/** How the queue names a draft's subject: its text, its editorial page and the unit of its values. */
export type SubjectLabel = (subject: SubjectKey) => { text: string; href: string; unit: string | null }

/**
 * The review queue: the drafts of others that this reviewer may publish,
 * oldest first, each with a button to publish it and a form to send it back
 * to its author with a reason.
 */
export function reviewQueuePage(drafts: readonly RevisionRecord[], label: SubjectLabel, csrfToken: string, state: FormState,
  context: (draft: RevisionRecord) => { published: RevisionRecord | null; comments: readonly ReviewComment[] } = () => ({ published: null, comments: [] })): SafeHtml {
  const { errors } = state
  return html`<h1>Te beoordelen</h1>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ''}
${errorSummary(errors)}
<p class="lead">Concepten van collega's. Controleer de toelichting en de bronnen. Publiceer een concept, of stuur het terug met een reden; de opsteller legt dan een nieuwe versie vast. Uw eigen concepten beoordeelt een collega.</p>
${drafts.length === 0 ? html`<p>Er zijn geen concepten die op u wachten.</p>` : html`<ol class="queue">${drafts.map((draft) => {
    const subject = label(draft.subject)
    const reason = `reden-${draft.id}`
    return html`<li class="queue-item" aria-labelledby="concept-${draft.id}">
<h2 id="concept-${draft.id}"><span class="kicker">${draft.subject.type === 'action' ? 'Afspraak' : 'Doel'}:</span> <a href="${subject.href}">${subject.text}</a></h2>
<ul class="history">${revisionItem(draft, undefined, subject.unit)}</ul>
${reviewDiff(draft, context(draft).published, subject.unit)}
${reviewComments(context(draft).comments)}
<form method="post" action="${beheerPaths.comment(draft.id)}" class="send-back">${csrfField(csrfToken)}
<div class="field"><label for="opmerking-${draft.id}">Opmerking voor de opsteller</label>
<textarea id="opmerking-${draft.id}" name="comment" rows="2" required>${state.values[`opmerking-${draft.id}`] ?? ''}</textarea></div>
<button type="submit" class="button secondary" aria-describedby="concept-${draft.id}">Opmerking plaatsen</button>
</form>
${errorsAt(errors, `publiceren-${draft.id}`)}
<form method="post" action="${beheerPaths.publish(draft.id)}" class="inline-form">${csrfField(csrfToken)}
<button type="submit" id="publiceren-${draft.id}" aria-describedby="concept-${draft.id}">Publiceren</button>
</form>
<form method="post" action="${beheerPaths.sendBack(draft.id)}" class="send-back" novalidate>${csrfField(csrfToken)}
<div class="field${errors.some((e) => e.id === reason) ? ' has-error' : ''}"><label for="${reason}">Reden om terug te sturen</label>${errorsAt(errors, reason)}
<textarea id="${reason}" name="reason" rows="2"${invalidAttributes(errors, reason)}>${state.values[reason] ?? ''}</textarea></div>
<button type="submit" class="button secondary" aria-describedby="concept-${draft.id}">Terugsturen</button>
</form>
</li>`
  })}</ol>`}`
}
