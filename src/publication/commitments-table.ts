import type { Kysely } from 'kysely'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import type { Database } from '../store/database.js'
import { loadAgreementView, type ActionView, type SectionView } from '../read-model/agreement-view.js'
import type { AgreementRecord, TargetRecord } from '../read-model/records.js'
import { actionKindConcepts, progressStatusConcepts } from './own-terms.js'
import type { ProgressRows } from './published-progress-rows.js'
import { commitmentSubject } from './commitment-subject.js'

/** A column of the flat commitments table: Dutch header and how Excel should show it. */
export interface FlatColumn {
  header: string
  type: 'text' | 'integer' | 'date'
  /** Width in characters in the workbook. */
  width: number
}

export const commitmentColumns: readonly FlatColumn[] = [
  { header: 'Akkoord', type: 'text', width: 24 },
  { header: 'Thema', type: 'text', width: 22 },
  { header: 'Onderwerp', type: 'text', width: 28 },
  { header: 'Nummer', type: 'integer', width: 9 },
  { header: 'Toezegging', type: 'text', width: 80 },
  { header: 'Soort', type: 'text', width: 16 },
  { header: 'Wethouders', type: 'text', width: 28 },
  { header: 'Begrotingsposten', type: 'text', width: 36 },
  { header: 'Doelen', type: 'text', width: 48 },
  { header: 'Wijken', type: 'text', width: 18 },
  { header: 'Voortgang', type: 'text', width: 18 },
  { header: 'Voortgang per', type: 'date', width: 12 },
  { header: 'Toelichting voortgang', type: 'text', width: 60 },
  { header: 'Eerste bronregel', type: 'integer', width: 10 },
  { header: 'Laatste bronregel', type: 'integer', width: 10 },
  { header: 'Actie-ID', type: 'text', width: 20 },
]

export type FlatRow = (string | number | null)[]

/** A target in words: "3000 woningen (minimaal 3000 woningen, uiterlijk 2030-12-31)". */
function targetText(target: TargetRecord): string {
  const parts = [
    target.value !== null ? `${target.isMinimum ? 'minimaal ' : ''}${target.value}${target.unit ? ` ${target.unit}` : ''}` : '',
    target.startDate ? `vanaf ${target.startDate}` : '',
    target.deadline ? `uiterlijk ${target.deadline}` : '',
  ].filter(Boolean)
  return parts.length ? `${target.description} (${parts.join(', ')})` : target.description
}

const joined = (items: readonly string[]): string | null => (items.length ? [...new Set(items)].join('; ') : null)

function row(agreement: AgreementRecord, theme: string | null, place: string, view: ActionView, toGlobalId: (slug: string) => string, progress: ProgressRows,
  canonical: ReadonlyMap<string, string>): FlatRow {
  const a = view.action
  // Every sentence of a commitment carries the commitment's progress.
  const progressSlug = commitmentSubject(progress, agreement.slug, a.slug, canonical)
  const current = progress.currentOf(agreement.slug, progressSlug)?.revision ?? null
  return [
    `${agreement.subtitle} ${agreement.municipality}`, theme, place, a.position, a.text, actionKindConcepts[a.kind].nl,
    a.wholeCollege ? 'College als geheel' : joined(view.portfolios.map((p) => p.holder.name)), joined(view.budgetLines.map((l) => l.displayName)),
    joined(view.targets.map(targetText)), joined(view.districts.map((d) => d.name)),
    progressStatusConcepts[progress.statusOf(agreement.slug, progressSlug)].nl, current?.asOf ?? null, current?.explanation ?? null,
    a.source.startLine, a.source.endLine, toGlobalId(a.slug),
  ]
}

/**
 * Every commitment (action) of every agreement as one flat row in Dutch, for
 * journalists: theme, topic (or the section it stands in), the sentence, its
 * kind, the aldermen by name, budget lines, targets, districts, the current
 * published progress (status, date, explanation) and source lines. Multiple
 * values in a cell are separated by "; ".
 */
export async function* commitmentRows(
  db: Kysely<Database>, agreements: readonly AgreementRecord[], actionId: (agreement: string, slug: string) => string, progress: ProgressRows,
): AsyncGenerator<FlatRow> {
  for (const agreement of agreements) {
    const view = await loadAgreementView(db, agreement)
    const id = (slug: string) => actionId(agreement.slug, slug)
    const canonical = canonicalSlugs(view.actions.map((a) => a.action))
    for (const theme of view.themes) {
      for (const topic of theme.topics) for (const action of topic.actions) yield row(agreement, theme.theme.name, topic.topic.title, action, id, progress, canonical)
    }
    const sections = (list: readonly SectionView[]): SectionView[] => list.flatMap((s) => [s, ...sections(s.children)])
    for (const section of sections(view.sections)) for (const action of section.actions) yield row(agreement, null, section.section.title, action, id, progress, canonical)
  }
}
