import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { Database } from '../store/database.js'
import type { NodeType } from '../model/global-id.js'
import { entities, type EntityName, type EntityRecord } from './entities.js'

/**
 * The stable keys of a record and of the records it refers to: what global
 * IDs and IRIs are made of (agreement slug plus a slug, position or year),
 * never row ids, so they survive database rebuilds.
 */
export interface RecordKeys {
  /** The slug of the agreement the record belongs to. */
  agreement: string
  /** The record's own key; null for records without a global ID (amounts, links, source artefacts). */
  own: string | null
  /** The keys of referenced records by reference name (for example theme on a topic); null where the reference is empty. */
  refs: Record<string, string | null>
}

/** A record of the shared read model together with its stable keys. */
export interface KeyedRecord<E extends EntityName> {
  record: EntityRecord<E>
  keys: RecordKeys
}

interface Reference {
  /** The referenced table and the qualified column of the referring query holding its row id. */
  table: keyof Database
  column: string
}

interface KeyDefinition {
  /** The node type of the record's global ID, if it has one. */
  node: NodeType | null
  /** The column of the entity's base query that holds its own stable key. */
  own: 'slug' | 'position' | 'year' | null
  refs: Record<string, Reference>
}

const ref = (table: keyof Database, column: string): Reference => ({ table, column })

/** For each entity of the read model: its node type, its key column and the references the publication resolves. */
export const recordKeyDefinitions: Record<EntityName, KeyDefinition> = {
  agreement: { node: 'Agreement', own: 'slug', refs: {} },
  party: { node: 'Party', own: 'slug', refs: {} },
  person: { node: 'Person', own: 'slug', refs: { party: ref('party', 'person.party_id') } },
  section: { node: 'Section', own: 'slug', refs: { parent: ref('section', 'section.parent_id') } },
  theme: { node: 'Theme', own: 'slug', refs: {} },
  topic: { node: 'Topic', own: 'slug', refs: { theme: ref('theme', 'topic.theme_id') } },
  action: {
    node: 'Action', own: 'slug',
    refs: {
      topic: ref('topic', 'action.topic_id'), section: ref('section', 'action.section_id'), theme: ref('theme', 'topic.theme_id'),
      sameAs: ref('action', 'action.same_as_id'),
    },
  },
  target: { node: 'Target', own: 'slug', refs: { action: ref('action', 'target.action_id') } },
  budgetCategory: { node: 'BudgetCategory', own: 'slug', refs: {} },
  budgetLine: {
    node: 'BudgetLine', own: 'slug',
    refs: { category: ref('budget_category', 'budget_line.category_id'), theme: ref('theme', 'budget_line.theme_id') },
  },
  budgetAmount: { node: null, own: null, refs: { budgetLine: ref('budget_line', 'budget_amount.budget_line_id') } },
  budgetTotal: { node: 'BudgetYearTotal', own: 'year', refs: {} },
  rule: { node: 'Rule', own: 'position', refs: {} },
  portfolio: { node: 'Portfolio', own: 'slug', refs: { person: ref('person', 'portfolio.person_id') } },
  responsibility: { node: 'Responsibility', own: 'slug', refs: { portfolio: ref('portfolio', 'responsibility.portfolio_id') } },
  district: { node: 'District', own: 'slug', refs: { portfolio: ref('portfolio', 'district.portfolio_id') } },
  sourceArtifact: { node: null, own: null, refs: {} },
  actionPortfolio: {
    node: null, own: null,
    refs: {
      action: ref('action', 'action_portfolio.action_id'), portfolio: ref('portfolio', 'action_portfolio.portfolio_id'),
      responsibility: ref('responsibility', 'action_portfolio.responsibility_id'),
    },
  },
  actionDistrict: { node: null, own: null, refs: { action: ref('action', 'action_district.action_id'), district: ref('district', 'action_district.district_id') } },
  budgetLineTopic: { node: null, own: null, refs: { budgetLine: ref('budget_line', 'budget_line_topic.budget_line_id'), topic: ref('topic', 'budget_line_topic.topic_id') } },
  budgetLineAction: { node: null, own: null, refs: { budgetLine: ref('budget_line', 'budget_line_action.budget_line_id'), action: ref('action', 'budget_line_action.action_id') } },
  budgetLinePortfolio: {
    node: null, own: null,
    refs: { budgetLine: ref('budget_line', 'budget_line_portfolio.budget_line_id'), portfolio: ref('portfolio', 'budget_line_portfolio.portfolio_id') },
  },
}

/** The key column of a referenced table: every referenced table is keyed by slug. */
const keyColumnOf = (table: keyof Database): string => (table === 'rule' ? 'position' : table === 'budget_total' ? 'year' : 'slug')

/**
 * The entity's base query with its stable keys added as scalar subqueries.
 * Subqueries rather than joins: the base queries select `*`, which a join
 * would widen, and a lookup by primary key keeps the stream's order and cost.
 */
function keyedQuery(db: Kysely<Database>, entity: EntityName): SelectQueryBuilder<Database, any, Record<string, any>> {
  const definition = entities[entity]
  const keys = recordKeyDefinitions[entity]
  // The names below come from the static definitions above, never from input.
  let query = definition.query(db).select(sql.raw(`(select k.slug from agreement as k where k.id = ${definition.agreementColumn})`).as('k__agreement'))
  for (const [name, reference] of Object.entries(keys.refs)) {
    const key = keyColumnOf(reference.table)
    query = query.select(sql.raw(`(select k.${key} from ${reference.table} as k where k.id = ${reference.column})`).as(`k__${name}`))
  }
  return query
}

function keysOf(entity: EntityName, row: Record<string, any>): RecordKeys {
  const keys = recordKeyDefinitions[entity]
  const refs: Record<string, string | null> = {}
  for (const name of Object.keys(keys.refs)) refs[name] = row[`k__${name}`] == null ? null : String(row[`k__${name}`])
  return { agreement: String(row.k__agreement), own: keys.own === null ? null : String(row[keys.own]), refs }
}

/**
 * Streams the records of an entity in its stable order, each with its stable
 * keys, so writers can make global IDs and IRIs without holding lookup maps.
 */
export async function* streamKeyedRecords<E extends EntityName>(
  db: Kysely<Database>, entity: E, filter: { agreementId?: number } = {},
): AsyncGenerator<KeyedRecord<E>> {
  let query = keyedQuery(db, entity)
  if (filter.agreementId !== undefined) query = query.where(entities[entity].agreementColumn as never, '=', filter.agreementId as never)
  for await (const row of query.stream(500)) {
    yield { record: entities[entity].map(row as never) as EntityRecord<E>, keys: keysOf(entity, row) }
  }
}

