import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { actionKindLabel, describeTarget, formatDate, joinList } from '../../reports/dutch-text.js'
import { formatMeasurement } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { webPaths } from '../web-paths.js'
import { explanationHtml } from '../progress/explanation-html.js'
import { evidenceList, revisionDates, statusBadge } from '../progress/progress-blocks.js'

/** The page heading's context: the theme and topic an action stands under, if any. */
export function actionContext(view: AgreementView, action: ActionView) {
  const theme = view.themes.find((t) => t.theme.id === action.action.themeId)
  const topic = theme?.topics.find((t) => t.topic.id === action.action.topicId)
  return { theme, topic }
}

/**
 * The page of one action: its text as in the agreement, who is responsible,
 * its current status with explanation, evidence and dates, its targets with
 * their measurements, and the whole published history, newest first.
 */
export function actionPage(view: AgreementView, action: ActionView, progress: ProgressSnapshot): SafeHtml {
  const { theme, topic } = actionContext(view, action)
  const slug = action.action.slug
  const current = progress.progressOf(slug)
  const history = progress.history('action', slug)
  const { startLine: start, endLine: end } = action.action.source
  const canonical = action.action.sameAsId === null ? null : view.actions.find((a) => a.action.id === action.action.sameAsId)?.action ?? null
  return html`
<h1><span class="kicker">Afspraak:</span> ${action.action.text}</h1>
<dl class="facts">
  ${theme ? html`<dt>Thema</dt><dd><a href="${webPaths.theme(theme.theme.slug)}">${theme.theme.name}</a></dd>` : ''}
  ${topic ? html`<dt>Onderwerp</dt><dd>${topic.topic.title}</dd>` : ''}
  <dt>Soort</dt><dd>${actionKindLabel(action.action.kind)}</dd>
  ${responsibleFacts(action)}
  ${action.districts.length > 0 ? html`<dt>Wijken</dt><dd>${joinList(action.districts.map((d) => d.name))}</dd>` : ''}
  <dt>Bron</dt><dd>Bestuursakkoord, regel${start === end ? ` ${start}` : `s ${start}-${end}`}</dd>
  ${sameCommitmentFacts(view, action)}
</dl>
<h2 id="voortgang">Voortgang</h2>
${canonical ? html`<p>Deze zin herhaalt de toezegging <a href="${webPaths.action(canonical.slug)}">${canonical.text}</a>: de voortgang hieronder is die van die toezegging.</p>` : ''}
${current ? currentBlock(current) : html`<p>${statusBadge('NOT_ASSESSED')}</p>
<p>De voortgang van deze afspraak is nog niet beoordeeld.</p>`}
${action.targets.length > 0 ? html`<h2 id="doelen">Doelen</h2>${action.targets.map((target) => {
    const measurements = progress.measurementsOf(target.slug)
    return html`<section class="target-progress" aria-labelledby="doel-${target.slug}">
<h3 id="doel-${target.slug}">${describeTarget(target)}</h3>
${measurements.length === 0 ? html`<p>Er is nog geen meting van dit doel gepubliceerd.</p>` : html`<ol class="history">${measurements.map((m) => html`<li>
  <p><strong>${formatMeasurement(m.value ?? 0)}${target.unit ? ` ${target.unit}` : ''}</strong>${target.value !== null
    ? ` van de ${target.isMinimum ? 'minimaal ' : ''}${formatMeasurement(target.value)}${target.unit ? ` ${target.unit}` : ''}` : ''}${m.asOf ? ` op ${formatDate(m.asOf)}` : ''}</p>
  ${m.explanation ? explanationHtml(m.explanation) : ''}${evidenceList(m.evidence)}${revisionDates(m)}</li>`)}</ol>`}
</section>`
  })}` : ''}
<h2 id="geschiedenis">Geschiedenis</h2>
${history.length === 0 ? html`<p>Er is nog niets over deze afspraak gepubliceerd.</p>`
    : html`<ol class="history">${history.map((revision) => historyItem(revision, progress))}</ol>`}`
}

/** Who carries the action: its aldermen, the college as a whole, or why no portfolio covers it (the mayor's tasks). */
function responsibleFacts(action: ActionView): SafeHtml | string {
  if (action.action.wholeCollege) {
    return html`<dt>Verantwoordelijk</dt><dd>Het college als geheel${action.action.responsibleNote ? html`<br><small>${action.action.responsibleNote}</small>` : ''}</dd>`
  }
  if (action.portfolios.length > 0) {
    return html`<dt>Verantwoordelijk</dt><dd>${action.portfolios.map((p, i) =>
      html`${i > 0 ? ', ' : ''}<a href="${webPaths.portfolio(p.portfolio.slug)}">${p.holder.name}</a>`)}</dd>`
  }
  return action.action.responsibleNote ? html`<dt>Verantwoordelijk</dt><dd>${action.action.responsibleNote}</dd>` : ''
}

/** The other sentences of the agreement that state the same commitment, with the reason the curators give. */
function sameCommitmentFacts(view: AgreementView, action: ActionView): SafeHtml | string {
  const canonicalId = action.action.sameAsId ?? action.action.id
  const others = view.actions.filter((a) => a.action.id !== action.action.id && (a.action.id === canonicalId || a.action.sameAsId === canonicalId))
  if (others.length === 0) return ''
  const link = (a: ActionView) => html`<li><a href="${webPaths.action(a.action.slug)}">${a.action.text}</a> (regel${
    a.action.source.startLine === a.action.source.endLine ? ` ${a.action.source.startLine}` : `s ${a.action.source.startLine}-${a.action.source.endLine}`})</li>`
  return html`<dt>Zelfde toezegging</dt><dd>${action.action.sameAsReason ? html`<p>${action.action.sameAsReason}</p>` : ''}<ul>${others.map(link)}</ul></dd>`
}

function currentBlock(current: RevisionRecord): SafeHtml {
  return html`<div class="progress-current">
<p>${statusBadge(current.status as ProgressStatus)}</p>
${explanationHtml(current.explanation)}
${current.evidence.length > 0 ? html`<h3>Bronnen</h3>${evidenceList(current.evidence)}` : ''}
${revisionDates(current)}
</div>`
}

function historyItem(revision: RevisionRecord, progress: ProgressSnapshot): SafeHtml {
  if (revision.kind === 'retraction') {
    return html`<li><p><strong>Ingetrokken</strong> (versie ${revision.revision})</p>${explanationHtml(revision.explanation)}${revisionDates(revision)}</li>`
  }
  const retracted = progress.retractionOf(revision.id)
  return html`<li><p>${statusBadge(revision.status as ProgressStatus)} (versie ${revision.revision})${retracted
    ? html` <strong>ingetrokken</strong> in versie ${retracted.revision}` : ''}</p>
${explanationHtml(revision.explanation)}${evidenceList(revision.evidence)}${revisionDates(revision)}</li>`
}
