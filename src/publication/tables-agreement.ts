import { actionKinds, artifactKinds, sectionKinds, targetDeadlineKinds, targetFrequencyPeriods } from '../store/database.js'
import { municipalityIri, licenceIri } from './municipality-iri.js'
import { conceptOf as concept } from './own-terms.js'
import { actionsWithContext, type ActionWithContext } from './action-context-rows.js'
import type { AgreementRecord } from '../read-model/records.js'
import { agreementsWithPresentation, type PresentationDateReading } from './presentation-date.js'
import { defineTable, own } from './table-definition.js'

/** The agreement and its text: parties, persons, sections, themes, topics, actions, targets, rules. */
export const agreementTables = [
  defineTable<'agreement', AgreementRecord & PresentationDateReading>('agreement', (t) => ({
    name: 'agreements', title: 'Agreements', dutchTitle: 'Akkoorden', description: 'Every coalition agreement in the publication.',
    primaryKey: ['id'],
    rdf: { subject: own('Agreement'), classes: ['akkoord:Agreement', 'schema:CreativeWork'] },
    columns: [
      t.id('Agreement'),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the agreement.', predicate: 'schema:identifier' }),
      t.field('title', 'string', (r) => r.title, { description: 'Title on the cover.', predicate: 'schema:name', dutch: true }),
      t.field('subtitle', 'string', (r) => r.subtitle, { description: 'Subtitle on the cover.', predicate: 'schema:alternativeHeadline', dutch: true }),
      t.field('municipality', 'string', (r) => r.municipality, { description: 'The municipality governed by the agreement.', predicate: 'akkoord:municipality', iri: municipalityIri }),
      t.field('period_start', 'year', (r) => r.periodStart, { description: 'First year of the council term.', predicate: 'akkoord:periodStart' }),
      t.field('period_end', 'year', (r) => r.periodEnd, { description: 'Last year of the council term.', predicate: 'akkoord:periodEnd' }),
      t.field('presented_on', 'date', (r) => r.presentedOn, { description: 'Date the agreement was presented.', predicate: 'schema:datePublished' }),
      t.field('presented_on_inferred', 'boolean', (r) => r.presentedOnInferred, { description: 'Whether the presentation date is not in the source text and was supplied by the curators.', predicate: 'akkoord:presentedOnInferred' }),
      t.field('presented_on_reason', 'string', (r) => r.presentedOnReason, { required: false, description: 'Where the presentation date comes from, in Dutch; empty when the text states it.', predicate: 'akkoord:presentedOnReason', dutch: true }),
      t.field('source_file', 'string', (r) => r.sourceFile, { description: 'The source text the records quote.', predicate: 'akkoord:sourceFile' }),
      t.field('source_sha256', 'string', (r) => r.sourceSha256, { description: 'SHA-256 of the source text.', predicate: 'akkoord:sourceSha256' }),
      t.field('source_line_count', 'integer', (r) => r.sourceLineCount, { description: 'Lines in the source text.', predicate: 'akkoord:sourceLineCount' }),
      t.field('data_version', 'date', (r) => r.dataVersion, { description: 'Version of the curated data (a date).', predicate: 'schema:version' }),
      t.field('license', 'string', (r) => r.license, { description: 'SPDX licence of the data.', predicate: 'dct:license', iri: licenceIri }),
      t.field('language', 'string', (r) => r.language, { description: 'Language of the text (BCP 47).', predicate: 'schema:inLanguage' }),
    ],
  }), (sources) => agreementsWithPresentation(sources.db)),
  defineTable('party', (t) => ({
    name: 'parties', title: 'Parties', dutchTitle: 'Partijen', description: 'The coalition parties in the order the agreement names them.',
    primaryKey: ['id'],
    rdf: { subject: own('Party'), classes: ['org:Organization', 'schema:Organization', 'akkoord:Party'] },
    columns: [
      t.id('Party'), t.agreement(),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the party.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name of the party.', predicate: 'schema:name' }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the agreement (1-based).', predicate: 'schema:position' }),
    ],
  })),
  defineTable('person', (t) => ({
    name: 'persons', title: 'Persons', dutchTitle: 'Personen', description: 'Signatories and aldermen, each a member of a coalition party.',
    primaryKey: ['id'],
    rdf: {
      subject: own('Person'), classes: ['foaf:Person', 'schema:Person'],
      // Popolo models party membership as an org:Membership between the person and the party.
      extra: (row, iri) => {
        const membership = iri('Membership', row.keys.own)
        return [[membership, 'rdf:type', 'org:Membership'], [membership, 'org:member', iri('Person', row.keys.own)],
          [membership, 'org:organization', iri('Party', row.keys.refs.party ?? null)]]
      },
    },
    columns: [
      t.id('Person'), t.agreement(),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the person.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Full name.', predicate: 'foaf:name' }),
      t.ref('party_id', 'Party', 'parties', 'party', { description: 'Global ID of the person\'s party.', predicate: 'org:memberOf' }),
      t.field('signatory_position', 'integer', (r) => r.signatoryPosition, { required: false, description: 'Place among the signatories; empty when the person did not sign.', predicate: 'akkoord:signatoryPosition' }),
      ...t.source(),
    ],
  })),
  defineTable('section', (t) => ({
    name: 'sections', title: 'Sections', dutchTitle: 'Hoofdstukken', description: 'Parts of the agreement that are not themes: foreword, vision, governance, signatures, budget, portfolios, contact.',
    primaryKey: ['id'],
    rdf: { subject: own('Section'), classes: ['akkoord:Section', 'schema:CreativeWork'] },
    columns: [
      t.id('Section'), t.agreement(),
      t.ref('parent_id', 'Section', 'sections', 'parent', { required: false, description: 'Global ID of the enclosing section; empty for a top-level section.', predicate: 'schema:isPartOf' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the section.', predicate: 'schema:identifier' }),
      t.field('title', 'string', (r) => r.title, { description: 'Heading of the section.', predicate: 'schema:name', dutch: true }),
      t.field('kind', 'string', (r) => r.kind, { description: 'What the section is.', enum: sectionKinds, predicate: 'akkoord:sectionKind', iri: concept('SectionKinds') }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the document (1-based).', predicate: 'schema:position' }),
      t.field('text', 'string', (r) => r.text, { description: 'The section\'s text, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
    ],
  })),
  defineTable('theme', (t) => ({
    name: 'themes', title: 'Themes', dutchTitle: 'Thema\'s', description: 'The themes of the agreement with their vision texts.',
    primaryKey: ['id'],
    rdf: { subject: own('Theme'), classes: ['akkoord:Theme'] },
    columns: [
      t.id('Theme'), t.agreement(),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the theme.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name of the theme.', predicate: 'schema:name', dutch: true }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the agreement (1-based).', predicate: 'schema:position' }),
      t.field('heading_text', 'string', (r) => r.heading.text, { description: 'The theme\'s heading, quoted.', predicate: 'akkoord:headingText', dutch: true }),
      ...t.source((r) => r.heading.source).map((c) => ({ ...c, name: `heading_${c.name}`, predicate: `akkoord:heading${c.name === 'start_line' ? 'Start' : 'End'}Line` })),
      t.field('vision_text', 'string', (r) => r.vision?.text ?? null, { required: false, description: 'The "Assen in 2030" vision inside the theme.', predicate: 'akkoord:visionText', dutch: true }),
      t.field('vision_start_line', 'integer', (r) => r.vision?.source.startLine ?? null, { required: false, description: 'First source line of the vision.', predicate: 'akkoord:visionStartLine' }),
      t.field('vision_end_line', 'integer', (r) => r.vision?.source.endLine ?? null, { required: false, description: 'Last source line of the vision.', predicate: 'akkoord:visionEndLine' }),
      t.field('vision_short_text', 'string', (r) => r.visionShort?.text ?? null, { required: false, description: 'The short vision in the opening "Visie Assen 2030".', predicate: 'akkoord:visionShortText', dutch: true }),
      t.field('vision_short_start_line', 'integer', (r) => r.visionShort?.source.startLine ?? null, { required: false, description: 'First source line of the short vision.', predicate: 'akkoord:visionShortStartLine' }),
      t.field('vision_short_end_line', 'integer', (r) => r.visionShort?.source.endLine ?? null, { required: false, description: 'Last source line of the short vision.', predicate: 'akkoord:visionShortEndLine' }),
    ],
  })),
  defineTable('topic', (t) => ({
    name: 'topics', title: 'Topics', dutchTitle: 'Onderwerpen', description: 'The topics of each theme, in document order.',
    primaryKey: ['id'],
    rdf: { subject: own('Topic'), classes: ['akkoord:Topic'] },
    columns: [
      t.id('Topic'), t.agreement(),
      t.ref('theme_id', 'Theme', 'themes', 'theme', { description: 'Global ID of the topic\'s theme.', predicate: 'akkoord:theme' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the topic.', predicate: 'schema:identifier' }),
      t.field('title', 'string', (r) => r.title, { description: 'Title of the topic.', predicate: 'schema:name', dutch: true }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order within the theme (1-based).', predicate: 'schema:position' }),
      t.field('text', 'string', (r) => r.text, { description: 'The topic\'s text, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
    ],
  })),
  defineTable<'action', ActionWithContext>('action', (t) => ({
    name: 'actions', title: 'Actions', dutchTitle: 'Acties', description: 'Concrete commitments of the college, each quoted as the whole sentence that states it.',
    primaryKey: ['id'],
    rdf: { subject: own('Action'), classes: ['akkoord:Action'] },
    columns: [
      t.id('Action'), t.agreement(),
      t.ref('topic_id', 'Topic', 'topics', 'topic', { required: false, description: 'Global ID of the action\'s topic; empty for an action in a section.', predicate: 'akkoord:topic' }),
      t.ref('section_id', 'Section', 'sections', 'section', { required: false, description: 'Global ID of the action\'s section; empty for an action in a topic.', predicate: 'akkoord:section' }),
      t.ref('theme_id', 'Theme', 'themes', 'theme', { required: false, description: 'Global ID of the theme of the action\'s topic (derived, for filtering).', predicate: 'akkoord:theme' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the action.', predicate: 'schema:identifier' }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the agreement (1-based).', predicate: 'schema:position' }),
      t.field('kind', 'string', (r) => r.kind, { description: 'Kind of commitment (see the vocabulary in docs/data.md).', enum: actionKinds, predicate: 'akkoord:kind', iri: concept('ActionKinds') }),
      t.field('text', 'string', (r) => r.text, { description: 'The sentence, quoted.', predicate: 'schema:text', dutch: true }),
      t.field('context', 'string', (r) => r.context, {
        required: false, description: 'The paragraph of the agreement that holds the sentence, quoted: the sentences around it that say what "daarom" or "Deze" refer to. Empty only when the source text was not at hand.',
        predicate: 'akkoord:context', dutch: true,
      }),
      t.field('responsible_note', 'string', (r) => r.responsibleNote, { required: false, description: 'Why no alderman\'s portfolio is responsible (the mayor, the college as a whole); empty when one is.', predicate: 'akkoord:responsibleNote', dutch: true }),
      t.field('whole_college', 'boolean', (r) => r.wholeCollege, { description: 'Whether the college as a whole carries the action rather than one alderman (it then has no portfolio).', predicate: 'akkoord:wholeCollege' }),
      t.ref('same_as_id', 'Action', 'actions', 'sameAs', { required: false, description: 'Global ID of the first statement of the same commitment when this sentence restates it; empty for the canonical action. Distinct commitments are the rows where it is empty.', predicate: 'akkoord:sameCommitmentAs' }),
      t.field('same_as_reason', 'string', (r) => r.sameAsReason, { required: false, description: 'Why this sentence and the action in same_as_id are one commitment; empty for the canonical action.', predicate: 'akkoord:sameCommitmentReason', dutch: true }),
      ...t.source(),
    ],
  }), (sources) => actionsWithContext(sources.db)),
  defineTable('target', (t) => ({
    name: 'targets', title: 'Targets', dutchTitle: 'Doelen', description: 'Quantified or dated commitments inside actions.',
    primaryKey: ['id'],
    rdf: { subject: own('Target'), classes: ['akkoord:Target'] },
    columns: [
      t.id('Target'), t.agreement(),
      t.ref('action_id', 'Action', 'actions', 'action', { description: 'Global ID of the action the target belongs to.', predicate: 'akkoord:action' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the target.', predicate: 'schema:identifier' }),
      t.field('description', 'string', (r) => r.description, { description: 'What is promised, in short.', predicate: 'schema:description', dutch: true }),
      t.field('value', 'number', (r) => r.value, { required: false, description: 'The number promised, decimals where the text has them (whole euros for amounts).', predicate: 'schema:value' }),
      t.field('unit', 'string', (r) => r.unit, { required: false, description: 'Unit of the value.', predicate: 'schema:unitText', dutch: true }),
      t.field('is_minimum', 'boolean', (r) => r.isMinimum, { description: 'Whether the value is a minimum ("minimaal", "ten minste").', predicate: 'akkoord:isMinimum' }),
      t.field('deadline', 'date', (r) => r.deadline, { required: false, description: 'Date by which the target is to be met.', predicate: 'akkoord:deadline' }),
      t.field('deadline_kind', 'string', (r) => r.deadlineKind, { required: false, description: 'What the deadline means: a date, or the end of the council term ("deze raadsperiode").', enum: targetDeadlineKinds, predicate: 'akkoord:deadlineKind' }),
      t.field('start_date', 'date', (r) => r.startDate, { required: false, description: 'Date from which the target applies, or after which it happens.', predicate: 'schema:startDate' }),
      t.field('date_inferred', 'boolean', (r) => r.dateInferred, { description: 'Whether the curators derived the dates rather than read them.', predicate: 'akkoord:dateInferred' }),
      t.field('date_reason', 'string', (r) => r.dateReason, { required: false, description: 'How the dates were read, citing the source line.', predicate: 'akkoord:dateReason', dutch: true }),
      t.field('frequency_count', 'integer', (r) => r.frequencyCount, { required: false, description: 'For a recurring commitment: how many times per frequency_period.', predicate: 'akkoord:frequencyCount' }),
      t.field('frequency_period', 'string', (r) => r.frequencyPeriod, { required: false, description: 'For a recurring commitment: week, month or year.', enum: targetFrequencyPeriods, predicate: 'akkoord:frequencyPeriod' }),
      t.field('text', 'string', (r) => r.text, { description: 'The words stating the target, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
    ],
  })),
  defineTable('rule', (t) => ({
    name: 'rules', title: 'Financial rules', dutchTitle: 'Financiële spelregels', description: 'The financial rules ("Algemene spelregels") in order.',
    primaryKey: ['id'],
    rdf: { subject: own('Rule'), classes: ['akkoord:Rule'] },
    columns: [
      t.id('Rule'), t.agreement(),
      t.field('position', 'integer', (r) => r.position, { description: 'Order of the rule (1-based); its stable key.', predicate: 'schema:position' }),
      t.field('text', 'string', (r) => r.text, { description: 'The rule, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
    ],
  })),
  defineTable('sourceArtifact', (t) => ({
    name: 'source-artifacts', title: 'Source artefacts', dutchTitle: 'Opmaakregels van de bron', description: 'Lines of the source that are layout, not content (cover title, labels, footers), so every line is accounted for.',
    rdf: { subject: (row) => ({ node: 'SourceArtifact', key: `${row.record.source.startLine}-${row.record.kind}` }), classes: ['akkoord:SourceArtifact'] },
    columns: [
      t.agreement(),
      t.field('kind', 'string', (r) => r.kind, { description: 'What the artefact is.', enum: artifactKinds, predicate: 'akkoord:artifactKind', iri: concept('ArtifactKinds') }),
      t.field('text', 'string', (r) => r.text, { description: 'The artefact\'s text.', predicate: 'schema:text', dutch: true }),
      t.field('note', 'string', (r) => r.note, { description: 'Why the lines are an artefact.', predicate: 'schema:description' }),
      ...t.source(),
    ],
  })),
]
