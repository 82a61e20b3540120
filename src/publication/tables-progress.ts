import { toGlobalId } from '../model/global-id.js'
import { normalizeEvidenceUrl } from '../editorial/evidence-url.js'
import { evidenceKinds, recordedStatuses } from '../editorial/progress-vocabulary.js'
import { conceptOf } from './own-terms.js'
import { progressPublicationsTable } from './progress-publications-table.js'
import type { EntryKind, EvidenceEntry, ProgressEntry } from './published-progress-rows.js'
import type { ColumnKit } from './table-columns.js'
import { defineRowTable, own, type TableDefinition } from './table-definition.js'

/** What differs between the assessments of actions and the measurements of targets. */
const kinds = {
  assessment: {
    name: 'progress-assessments', node: 'ProgressAssessment', subject: 'action', subjectNode: 'Action', subjectTable: 'actions',
    title: 'Progress assessments', dutchTitle: 'Voortgang van acties', subjectName: 'action',
  },
  measurement: {
    name: 'target-measurements', node: 'TargetMeasurement', subject: 'target', subjectNode: 'Target', subjectTable: 'targets',
    title: 'Target measurements', dutchTitle: 'Metingen van doelen', subjectName: 'target',
  },
} as const

/** The columns every published revision has: its id, agreement, subject, number, date, explanation, publication and retraction. */
function revisionColumns(t: ColumnKit<ProgressEntry>, kind: EntryKind) {
  const k = kinds[kind]
  return {
    head: [
      t.id(k.node), t.agreement(),
      t.ref(`${k.subject}_id`, k.subjectNode, k.subjectTable, k.subject, { description: `Global ID of the ${k.subjectName}.`, predicate: `akkoord:${k.subject}` }),
      t.field('revision', 'integer', (r) => r.revision.revision, { description: `Number of the revision among the ${k.subjectName}'s revisions (1-based; drafts that were never published leave gaps).`, predicate: 'akkoord:revision' }),
    ],
    tail: [
      t.field('as_of', 'date', (r) => r.revision.asOf, { description: 'The date the statement describes the situation on.', predicate: 'akkoord:asOf' }),
      t.field('reporting_round', 'string', (r) => r.round?.name ?? null, {
        required: false, description: 'The reporting round it was recorded for, by its name in Dutch (a closed round never changes); empty outside a round.', dutch: true,
      }),
      t.field('round_reference_date', 'date', (r) => r.round?.peildatum ?? null, { required: false, description: 'The peildatum of that reporting round: the date its picture describes; empty outside a round.' }),
      t.field('explanation', 'string', (r) => r.revision.explanation, { description: 'The explanation, in Dutch.', predicate: 'schema:description', dutch: true }),
      t.field('published_at', 'datetime', (r) => r.revision.publication!.publishedAt, { description: 'When a reviewer published it (UTC).', predicate: 'schema:datePublished' }),
      t.field('chain_hash', 'string', (r) => r.chainHash, {
        required: false, description: 'SHA-256 of its publication in the editorial hash chain: the same in every later download unless the published record was rewritten.',
      }),
      t.field('is_current', 'boolean', (r) => r.current, {
        description: kind === 'assessment' ? 'Whether this is the action\'s current assessment: the newest that is not retracted.' : 'Whether the measurement stands (is not retracted).',
        predicate: 'akkoord:isCurrent',
      }),
      t.field('retraction_id', 'string', (r) => (r.retraction ? toGlobalId('ProgressRetraction', r.revision.subject.agreement, String(r.retraction.id)) : null), {
        required: false, description: 'Global ID of the published retraction that withdrew it; empty while it stands.',
      }),
      t.field('retracted_at', 'datetime', (r) => r.retraction?.publication?.publishedAt ?? null, { required: false, description: 'When the retraction was published (UTC); empty while it stands.', predicate: 'akkoord:retractedAt' }),
      t.field('retraction_reason', 'string', (r) => r.retraction?.explanation ?? null, { required: false, description: 'Why it was retracted, in Dutch; empty while it stands.', predicate: 'akkoord:retractionReason', dutch: true }),
    ],
  }
}

function revisionTable(kind: EntryKind): TableDefinition {
  const k = kinds[kind]
  return defineRowTable<ProgressEntry>((sources) => sources.progress.rows(kind), (t) => {
    const { head, tail } = revisionColumns(t, kind)
    const middle = kind === 'assessment'
      ? [t.field('status', 'string', (r) => r.revision.status, { description: 'The status (see the concept scheme ProgressStatuses in docs/data.md).', enum: recordedStatuses, predicate: 'akkoord:progressStatus', iri: conceptOf('ProgressStatuses') })]
      : [t.field('value', 'number', (r) => r.revision.value, { description: 'The measured value, in the unit of the target.', predicate: 'schema:value' })]
    return {
      name: k.name, title: k.title, dutchTitle: k.dutchTitle,
      description: `Every published ${kind} of ${kind === 'assessment' ? 'an action' : 'a target'}: the full history, retracted ones included; drafts are never published.`,
      primaryKey: ['id'],
      rdf: { subject: own(k.node), classes: [`akkoord:${k.node}`] },
      columns: [...head, ...middle, ...tail],
    }
  })
}

function evidenceTable(kind: EntryKind): TableDefinition {
  const k = kinds[kind]
  const owner = `${kind}_id`
  return defineRowTable<EvidenceEntry>((sources) => sources.progress.evidenceRows(kind), (t) => ({
    name: `${kind}-evidence`, title: `${kind === 'assessment' ? 'Assessment' : 'Measurement'} evidence`,
    dutchTitle: kind === 'assessment' ? 'Bewijs bij voortgang' : 'Bewijs bij metingen',
    description: `The evidence each published ${kind} cites: documents of the council and the municipality, in the order given.`,
    primaryKey: [owner, 'position'],
    rdf: {
      subject: (row) => ({ node: 'Evidence', key: `${row.keys.own}-${row.record.position}` }), classes: ['akkoord:Evidence', 'schema:CreativeWork'],
      extra: (row, iri) => [[iri(k.node, row.keys.own), 'schema:citation', iri('Evidence', `${row.keys.own}-${row.record.position}`)]],
    },
    columns: [
      t.ref(owner, k.node, k.name, 'revision', { description: `Global ID of the ${kind} that cites the evidence.` }),
      t.field('position', 'integer', (r) => r.position, { description: 'Place in the list of evidence (1-based).', predicate: 'schema:position' }),
      t.field('title', 'string', (r) => r.evidence.title, { description: 'Title of the document.', predicate: 'schema:name', dutch: true }),
      t.field('url', 'string', (r) => r.evidence.url, { description: 'Where the document is published.', predicate: 'schema:url', iri: (url) => normalizeEvidenceUrl(url) ?? url }),
      t.field('document_date', 'date', (r) => r.evidence.documentDate, { required: false, description: 'Date of the document.', predicate: 'schema:dateCreated' }),
      t.field('evidence_kind', 'string', (r) => r.evidence.kind, { description: 'What the document is.', enum: evidenceKinds, predicate: 'akkoord:evidenceKind' }),
    ],
  }))
}

/** The published progress: assessments of actions and measurements of targets, each with its evidence, and the publications with the chain's head. */
export const progressTables: TableDefinition[] = [revisionTable('assessment'), evidenceTable('assessment'), revisionTable('measurement'), evidenceTable('measurement'), progressPublicationsTable]
