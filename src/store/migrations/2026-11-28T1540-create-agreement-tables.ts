import { sql, type Kysely } from 'kysely'

/**
 * The relational model of a coalition agreement. Every table is scoped to an
 * agreement so that further agreements are added as data, not as schema.
 * Text records carry their provenance as 1-based inclusive source line ranges.
 */
const statements = [
  `CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    title TEXT NOT NULL CHECK (length(title) > 0),
    subtitle TEXT NOT NULL,
    municipality TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    presented_on TEXT NOT NULL CHECK (date(presented_on) = presented_on),
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
    source_line_count INTEGER NOT NULL CHECK (source_line_count > 0),
    data_version TEXT NOT NULL CHECK (date(data_version) = data_version),
    license TEXT NOT NULL,
    language TEXT NOT NULL,
    CHECK (period_end >= period_start)
  )`,
  `CREATE TABLE party (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    party_id INTEGER NOT NULL REFERENCES party(id),
    signatory_position INTEGER CHECK (signatory_position >= 1),
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, signatory_position)
  )`,
  `CREATE TABLE section (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    parent_id INTEGER REFERENCES section(id),
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('foreword', 'vision', 'governance', 'governance_part', 'signatories', 'budget', 'portfolios', 'contact')),
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE theme (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    heading_text TEXT NOT NULL,
    heading_start_line INTEGER NOT NULL CHECK (heading_start_line >= 1),
    heading_end_line INTEGER NOT NULL CHECK (heading_end_line >= heading_start_line),
    vision_text TEXT,
    vision_start_line INTEGER,
    vision_end_line INTEGER,
    vision_short_text TEXT,
    vision_short_start_line INTEGER,
    vision_short_end_line INTEGER,
    CHECK ((vision_text IS NULL) = (vision_start_line IS NULL) AND vision_end_line >= vision_start_line OR vision_text IS NULL),
    CHECK ((vision_short_text IS NULL) = (vision_short_start_line IS NULL) AND vision_short_end_line >= vision_short_start_line OR vision_short_text IS NULL),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE topic (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    theme_id INTEGER NOT NULL REFERENCES theme(id),
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (theme_id, position)
  )`,
  `CREATE TABLE portfolio (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    slug TEXT NOT NULL,
    person_id INTEGER NOT NULL UNIQUE REFERENCES person(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    assignment_inferred INTEGER NOT NULL CHECK (assignment_inferred IN (0, 1)),
    assignment_reason TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE responsibility (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    portfolio_id INTEGER NOT NULL REFERENCES portfolio(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (portfolio_id, position)
  )`,
  `CREATE TABLE district (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    portfolio_id INTEGER NOT NULL REFERENCES portfolio(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    topic_id INTEGER REFERENCES topic(id),
    section_id INTEGER REFERENCES section(id),
    slug TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('new', 'continue', 'intensify', 'investigate', 'advocate', 'consult', 'support')),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    CHECK ((topic_id IS NULL) <> (section_id IS NULL)),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE action_portfolio (
    action_id INTEGER NOT NULL REFERENCES action(id),
    portfolio_id INTEGER NOT NULL REFERENCES portfolio(id),
    responsibility_id INTEGER NOT NULL REFERENCES responsibility(id),
    PRIMARY KEY (action_id, responsibility_id)
  )`,
  `CREATE TABLE action_district (
    action_id INTEGER NOT NULL REFERENCES action(id),
    district_id INTEGER NOT NULL REFERENCES district(id),
    PRIMARY KEY (action_id, district_id)
  )`,
  `CREATE TABLE target (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    action_id INTEGER NOT NULL REFERENCES action(id),
    slug TEXT NOT NULL,
    description TEXT NOT NULL,
    value INTEGER,
    unit TEXT,
    is_minimum INTEGER NOT NULL CHECK (is_minimum IN (0, 1)),
    deadline TEXT CHECK (deadline IS NULL OR date(deadline) = deadline),
    start_date TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    CHECK ((value IS NULL) = (unit IS NULL)),
    UNIQUE (agreement_id, slug)
  )`,
  `CREATE TABLE budget_category (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE budget_line (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    category_id INTEGER NOT NULL REFERENCES budget_category(id),
    theme_id INTEGER REFERENCES theme(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, slug), UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE budget_amount (
    budget_line_id INTEGER NOT NULL REFERENCES budget_line(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
    continuing INTEGER NOT NULL CHECK (continuing IN (0, 1)),
    inferred INTEGER NOT NULL CHECK (inferred IN (0, 1)),
    inference_reason TEXT,
    CHECK (inferred = 0 OR inference_reason IS NOT NULL),
    PRIMARY KEY (budget_line_id, year)
  )`,
  `CREATE TABLE budget_total (
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
    continuing INTEGER NOT NULL CHECK (continuing IN (0, 1)),
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    PRIMARY KEY (agreement_id, year)
  )`,
  `CREATE TABLE budget_line_topic (
    budget_line_id INTEGER NOT NULL REFERENCES budget_line(id),
    topic_id INTEGER NOT NULL REFERENCES topic(id),
    PRIMARY KEY (budget_line_id, topic_id)
  )`,
  `CREATE TABLE budget_line_action (
    budget_line_id INTEGER NOT NULL REFERENCES budget_line(id),
    action_id INTEGER NOT NULL REFERENCES action(id),
    PRIMARY KEY (budget_line_id, action_id)
  )`,
  `CREATE TABLE budget_line_portfolio (
    budget_line_id INTEGER NOT NULL REFERENCES budget_line(id),
    portfolio_id INTEGER NOT NULL REFERENCES portfolio(id),
    PRIMARY KEY (budget_line_id, portfolio_id)
  )`,
  `CREATE TABLE rule (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line),
    UNIQUE (agreement_id, position)
  )`,
  `CREATE TABLE source_artifact (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    kind TEXT NOT NULL CHECK (kind IN ('title', 'layout_label', 'page_footer', 'table_header', 'tagline')),
    text TEXT NOT NULL,
    note TEXT NOT NULL,
    start_line INTEGER NOT NULL CHECK (start_line >= 1),
    end_line INTEGER NOT NULL CHECK (end_line >= start_line)
  )`,
  `CREATE TABLE search_document (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    kind TEXT NOT NULL CHECK (kind IN ('theme', 'topic', 'action', 'target', 'budget_line', 'rule', 'section', 'portfolio', 'district')),
    record_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    stems TEXT NOT NULL,
    UNIQUE (kind, record_id)
  )`,
  `CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems,
    content = 'search_document', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`,
  `CREATE INDEX topic_theme ON topic(theme_id)`,
  `CREATE INDEX action_topic ON action(topic_id)`,
  `CREATE INDEX action_section ON action(section_id)`,
  `CREATE INDEX action_kind ON action(agreement_id, kind)`,
  `CREATE INDEX action_portfolio_portfolio ON action_portfolio(portfolio_id)`,
  `CREATE INDEX action_district_district ON action_district(district_id)`,
  `CREATE INDEX target_action ON target(action_id)`,
  `CREATE INDEX budget_line_category ON budget_line(category_id)`,
  `CREATE INDEX budget_line_theme ON budget_line(theme_id)`,
  `CREATE INDEX budget_line_topic_topic ON budget_line_topic(topic_id)`,
  `CREATE INDEX budget_line_action_action ON budget_line_action(action_id)`,
  `CREATE INDEX budget_line_portfolio_portfolio ON budget_line_portfolio(portfolio_id)`,
  `CREATE INDEX responsibility_portfolio ON responsibility(portfolio_id)`,
  `CREATE INDEX district_portfolio ON district(portfolio_id)`,
  `CREATE INDEX search_document_agreement ON search_document(agreement_id)`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'search_fts', 'search_document', 'source_artifact', 'rule', 'budget_line_portfolio', 'budget_line_action',
    'budget_line_topic', 'budget_total', 'budget_amount', 'budget_line', 'budget_category', 'target',
    'action_district', 'action_portfolio', 'action', 'district', 'responsibility', 'portfolio', 'topic',
    'theme', 'section', 'person', 'party', 'agreement',
  ]
  for (const table of tables) await sql.raw(`DROP TABLE ${table}`).execute(db)
}
