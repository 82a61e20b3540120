import type { PublicationChainState } from '../editorial/publication-chain-state.js'
import { toGlobalId } from '../model/global-id.js'
import { defineRowTable, own } from './table-definition.js'

const recordNode = { assessment: 'ProgressAssessment', measurement: 'TargetMeasurement', retraction: 'ProgressRetraction' } as const

/**
 * Every publication of progress with the editorial hash chain's length and
 * head as its transaction left them (src/editorial/publication-chain-state.ts):
 * recorded once, so every later release repeats them unchanged, and anyone
 * who keeps a release can have the store checked against them later
 * (`npm run editor -- verify --length N --head HASH`). Only the count and a
 * hash: nothing of the audit trail itself, no account.
 */
export const progressPublicationsTable = defineRowTable<PublicationChainState>((sources) => sources.progress.publicationRows(), (t) => ({
  name: 'progress-publications', title: 'Progress publications', dutchTitle: 'Publicaties van voortgang',
  description: 'Every publication of an assessment, measurement or retraction, with the length and head of the editorial hash chain as that publication left them.',
  primaryKey: ['publication'],
  rdf: { subject: own('ProgressPublication'), classes: ['akkoord:ProgressPublication'] },
  columns: [
    t.field('publication', 'integer', (r) => r.publication, { description: 'Number of the publication: 1 for the first, counting up (numbers of publications that failed may be skipped); the release\'s progress goes up to the highest.' }),
    t.field('published_at', 'datetime', (r) => r.publishedAt, { description: 'When a reviewer published it (UTC).', predicate: 'schema:datePublished' }),
    t.field('record_id', 'string', (r) => toGlobalId(recordNode[r.kind], r.agreement, String(r.revisionId)), {
      description: 'Global ID of what it published: an assessment (progress-assessments), a measurement (target-measurements) or a retraction (retraction_id there).',
    }),
    t.field('chain_length', 'integer', (r) => r.length, {
      description: 'How many links (audit entries and publications) the editorial hash chain had once this publication was written: the same in every later release.',
      predicate: 'akkoord:chainLength',
    }),
    t.field('chain_head', 'string', (r) => r.head, {
      description: 'SHA-256 of the chain\'s last link then: the first chain_length links of the store must always hash to it (npm run editor -- verify --length N --head HASH).',
      pattern: '[0-9a-f]{64}', predicate: 'akkoord:chainHead',
    }),
  ],
}))
