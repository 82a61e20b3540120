import { cbsBuurtCodesPattern, cbsCodeSeparator, cbsWijkCodePattern } from '../store/cbs-area-codes.js'
import { defineTable, own, via } from './table-definition.js'

/** Money and responsibility: the budget, the portfolios, the districts, and the links between them and the actions. */
export const budgetTables = [
  defineTable('budgetCategory', (t) => ({
    name: 'budget-categories', title: 'Budget categories', dutchTitle: 'Begrotingscategorieën', description: 'Categories of the "Financiële doorrekening".',
    primaryKey: ['id'],
    rdf: { subject: own('BudgetCategory'), classes: ['akkoord:BudgetCategory'] },
    columns: [
      t.id('BudgetCategory'), t.agreement(),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the category.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name of the category.', predicate: 'schema:name', dutch: true }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the table (1-based).', predicate: 'schema:position' }),
      ...t.source(),
    ],
  })),
  defineTable('budgetLine', (t) => ({
    name: 'budget-lines', title: 'Budget lines', dutchTitle: 'Begrotingsposten', description: 'Lines of the "Financiële doorrekening"; amounts per year are in budget-amounts.',
    primaryKey: ['id'],
    rdf: { subject: own('BudgetLine'), classes: ['akkoord:BudgetLine'] },
    columns: [
      t.id('BudgetLine'), t.agreement(),
      t.ref('category_id', 'BudgetCategory', 'budget-categories', 'category', { description: 'Global ID of the line\'s category.', predicate: 'akkoord:category' }),
      t.ref('theme_id', 'Theme', 'themes', 'theme', { required: false, description: 'Global ID of the theme the line funds; empty when it funds none in particular.', predicate: 'akkoord:theme' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the line.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name as printed, misspellings included.', predicate: 'schema:name', dutch: true }),
      t.field('display_name', 'string', (r) => r.displayName, { description: 'Name corrected for display.', predicate: 'akkoord:displayName', dutch: true }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the table (1-based).', predicate: 'schema:position' }),
      t.field('text', 'string', (r) => r.text, { description: 'The printed row, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
    ],
  })),
  defineTable('budgetAmount', (t) => ({
    name: 'budget-amounts', title: 'Budget amounts', dutchTitle: 'Begrotingsbedragen', description: 'The amount of each budget line per year, in whole euros.',
    primaryKey: ['budget_line_id', 'year'],
    rdf: { subject: (row) => ({ node: 'BudgetAmount', key: `${row.keys.refs.budgetLine}/${row.record.year}` }), classes: ['akkoord:BudgetAmount', 'schema:MonetaryAmount'], constants: [['schema:currency', 'EUR']] },
    columns: [
      t.ref('budget_line_id', 'BudgetLine', 'budget-lines', 'budgetLine', { description: 'Global ID of the budget line.', predicate: 'akkoord:budgetLine' }),
      t.agreement(),
      t.field('year', 'year', (r) => r.year, { description: 'Budget year.', predicate: 'akkoord:year' }),
      t.field('amount', 'integer', (r) => r.amount, { description: 'Amount in whole euros.', predicate: 'schema:value' }),
      t.field('continuing', 'boolean', (r) => r.continuing, { description: 'The amount continues in later years (the "2026 ev" column).', predicate: 'akkoord:continuing' }),
      t.field('inferred', 'boolean', (r) => r.inferred, { description: 'The amount is inferred, not printed.', predicate: 'akkoord:inferred' }),
      t.field('inference_reason', 'string', (r) => r.inferenceReason, { required: false, description: 'Why and how the amount was inferred.', predicate: 'akkoord:inferenceReason' }),
    ],
  })),
  defineTable('budgetTotal', (t) => ({
    name: 'budget-totals', title: 'Budget totals', dutchTitle: 'Begrotingstotalen', description: 'The published totals row per year, in whole euros.',
    primaryKey: ['id'],
    rdf: { subject: own('BudgetYearTotal'), classes: ['akkoord:BudgetYearTotal', 'schema:MonetaryAmount'], constants: [['schema:currency', 'EUR']] },
    columns: [
      t.id('BudgetYearTotal'), t.agreement(),
      t.field('year', 'year', (r) => r.year, { description: 'Budget year; the total\'s stable key.', predicate: 'akkoord:year' }),
      t.field('amount', 'integer', (r) => r.amount, { description: 'The published total in whole euros.', predicate: 'schema:value' }),
      t.field('continuing', 'boolean', (r) => r.continuing, { description: 'The total continues in later years.', predicate: 'akkoord:continuing' }),
      t.field('label', 'string', (r) => r.label, { description: 'Label of the totals row.', predicate: 'schema:name', dutch: true }),
      t.field('heading', 'string', (r) => r.heading, { description: 'The column heading of the year, as printed ("begroting 2022", "2026 ev").', predicate: 'akkoord:columnHeading', dutch: true }),
      t.field('text', 'string', (r) => r.text, { description: 'The printed totals, quoted.', predicate: 'schema:text' }),
      ...t.source(),
    ],
  })),
  defineTable('portfolio', (t) => ({
    name: 'portfolios', title: 'Portfolios', dutchTitle: 'Portefeuilles', description: 'The aldermen\'s portfolios (W3C ORG posts).',
    primaryKey: ['id'],
    rdf: { subject: own('Portfolio'), classes: ['org:Post', 'akkoord:Portfolio'] },
    columns: [
      t.id('Portfolio'), t.agreement(),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the portfolio.', predicate: 'schema:identifier' }),
      t.ref('person_id', 'Person', 'persons', 'person', { description: 'Global ID of the alderman holding the portfolio.', predicate: 'org:heldBy' }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the portfolio table (1-based).', predicate: 'schema:position' }),
      t.field('assignment_inferred', 'boolean', (r) => r.assignmentInferred, { description: 'Whether the holder was inferred rather than printed.', predicate: 'akkoord:assignmentInferred' }),
      t.field('assignment_reason', 'string', (r) => r.assignmentReason, { description: 'How the holder was determined.', predicate: 'akkoord:assignmentReason' }),
      ...t.source(),
    ],
  })),
  defineTable('responsibility', (t) => ({
    name: 'responsibilities', title: 'Responsibilities', dutchTitle: 'Taken van portefeuilles', description: 'The responsibilities of each portfolio.',
    primaryKey: ['id'],
    rdf: { subject: own('Responsibility'), classes: ['akkoord:Responsibility'] },
    columns: [
      t.id('Responsibility'), t.agreement(),
      t.ref('portfolio_id', 'Portfolio', 'portfolios', 'portfolio', { description: 'Global ID of the portfolio.', predicate: 'akkoord:portfolio' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the responsibility.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name of the responsibility.', predicate: 'schema:name', dutch: true }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order within the portfolio (1-based).', predicate: 'schema:position' }),
      ...t.source(),
    ],
  })),
  defineTable('district', (t) => ({
    name: 'districts', title: 'Districts', dutchTitle: 'Wijken', description: 'The districts (wijken) and their wijkwethouder\'s portfolio.',
    primaryKey: ['id'],
    rdf: { subject: own('District'), classes: ['akkoord:District', 'schema:Place'] },
    columns: [
      t.id('District'), t.agreement(),
      t.ref('portfolio_id', 'Portfolio', 'portfolios', 'portfolio', { description: 'Global ID of the portfolio whose holder is wijkwethouder.', predicate: 'akkoord:portfolio' }),
      t.field('slug', 'string', (r) => r.slug, { description: 'Stable key of the district.', predicate: 'schema:identifier' }),
      t.field('name', 'string', (r) => r.name, { description: 'Name of the district.', predicate: 'schema:name' }),
      t.field('position', 'integer', (r) => r.position, { description: 'Order in the portfolio table (1-based).', predicate: 'schema:position' }),
      t.field('text', 'string', (r) => r.text, { description: 'The printed text naming the district, quoted.', predicate: 'schema:text', dutch: true }),
      ...t.source(),
      // Empty until a curator checks a code against a published CBS list (db/README.md, "District codes (CBS)").
      t.field('cbs_wijk_code', 'string', (r) => r.cbsWijkCode, {
        required: false, pattern: cbsWijkCodePattern, predicate: 'akkoord:cbsWijkCode',
        description: 'CBS wijk code of the district (WK0106 and two digits), to join CBS statistics on; empty while no code has been checked against a published CBS list (cbs_code_reason says why).',
      }),
      t.field('cbs_buurt_codes', 'string', (r) => (r.cbsBuurtCodes.length > 0 ? r.cbsBuurtCodes.join(cbsCodeSeparator) : null), {
        required: false, pattern: cbsBuurtCodesPattern, separator: cbsCodeSeparator, predicate: 'akkoord:cbsBuurtCode',
        description: 'CBS buurt codes (BU0106 and four digits) of the buurten the district maps to, separated by spaces; empty while none has been checked against a published CBS list.',
      }),
      t.field('cbs_code_year', 'year', (r) => r.cbsCodeYear, {
        required: false, predicate: 'akkoord:cbsCodeYear',
        description: 'Year of the CBS list (Wijk- en Buurtkaart, Kerncijfers wijken en buurten) the CBS codes were checked against; empty without codes.',
      }),
      t.field('cbs_code_reason', 'string', (r) => r.cbsCodeReason, {
        required: false, predicate: 'akkoord:cbsCodeReason', dutch: true,
        description: 'Why the district has no CBS codes yet, in Dutch; empty once it has them, unless the curators explain the mapping.',
      }),
    ],
  })),
  defineTable('actionPortfolio', (t) => ({
    name: 'action-portfolios', title: 'Responsible portfolios of actions', dutchTitle: 'Portefeuilles per actie', description: 'Which portfolio, through which responsibility, answers for an action.',
    primaryKey: ['action_id', 'responsibility_id'],
    rdf: { subject: via('Action', 'action'), classes: [] },
    columns: [
      t.ref('action_id', 'Action', 'actions', 'action', { description: 'Global ID of the action.' }),
      t.ref('portfolio_id', 'Portfolio', 'portfolios', 'portfolio', { description: 'Global ID of the responsible portfolio.', predicate: 'akkoord:responsiblePortfolio' }),
      t.ref('responsibility_id', 'Responsibility', 'responsibilities', 'responsibility', { description: 'Global ID of the responsibility that covers the action.', predicate: 'akkoord:responsibility' }),
    ],
  })),
  defineTable('actionDistrict', (t) => ({
    name: 'action-districts', title: 'Districts of actions', dutchTitle: 'Wijken per actie', description: 'Actions that concern a particular district.',
    primaryKey: ['action_id', 'district_id'],
    rdf: { subject: via('Action', 'action'), classes: [] },
    columns: [
      t.ref('action_id', 'Action', 'actions', 'action', { description: 'Global ID of the action.' }),
      t.ref('district_id', 'District', 'districts', 'district', { description: 'Global ID of the district.', predicate: 'akkoord:district' }),
    ],
  })),
  defineTable('budgetLineTopic', (t) => ({
    name: 'budget-line-topics', title: 'Topics of budget lines', dutchTitle: 'Begrotingspost-onderwerpen', description: 'The topics a budget line funds.',
    primaryKey: ['budget_line_id', 'topic_id'],
    rdf: { subject: via('BudgetLine', 'budgetLine'), classes: [] },
    columns: [
      t.ref('budget_line_id', 'BudgetLine', 'budget-lines', 'budgetLine', { description: 'Global ID of the budget line.' }),
      t.ref('topic_id', 'Topic', 'topics', 'topic', { description: 'Global ID of the funded topic.', predicate: 'akkoord:fundsTopic' }),
    ],
  })),
  defineTable('budgetLineAction', (t) => ({
    name: 'budget-line-actions', title: 'Actions of budget lines', dutchTitle: 'Begrotingspost-acties', description: 'The actions a budget line funds.',
    primaryKey: ['budget_line_id', 'action_id'],
    rdf: { subject: via('BudgetLine', 'budgetLine'), classes: [] },
    columns: [
      t.ref('budget_line_id', 'BudgetLine', 'budget-lines', 'budgetLine', { description: 'Global ID of the budget line.' }),
      t.ref('action_id', 'Action', 'actions', 'action', { description: 'Global ID of the funded action.', predicate: 'akkoord:fundsAction' }),
    ],
  })),
  defineTable('budgetLinePortfolio', (t) => ({
    name: 'budget-line-portfolios', title: 'Portfolios of budget lines', dutchTitle: 'Begrotingspost-portefeuilles', description: 'The portfolios a budget line falls under.',
    primaryKey: ['budget_line_id', 'portfolio_id'],
    rdf: { subject: via('BudgetLine', 'budgetLine'), classes: [] },
    columns: [
      t.ref('budget_line_id', 'BudgetLine', 'budget-lines', 'budgetLine', { description: 'Global ID of the budget line.' }),
      t.ref('portfolio_id', 'Portfolio', 'portfolios', 'portfolio', { description: 'Global ID of the portfolio.', predicate: 'akkoord:portfolio' }),
    ],
  })),
]
