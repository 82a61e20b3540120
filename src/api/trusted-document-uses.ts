import { getOperationAST, Kind, parse } from 'graphql'
import { readManifest, type PersistedQueryManifest } from './persisted-documents.js'

/** One request an app makes with a trusted document: the document's id and the variables it sends (none: the defaults). */
export interface TrustedDocumentUse {
  documentId: string
  variables?: Record<string, unknown>
}

/** The slugs of the current agreement's pages, as the catalogue query returns them. */
interface Catalogue {
  themes: { slug: string }[]
  portfolios: { slug: string }[]
  districts: { slug: string }[]
  actions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { slug: string } }[] }
}

const catalogueQuery = `query WarmingCatalogue($after: String) { themes { slug } portfolios { slug } districts { slug }
  actions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug } } } }`

/** Runs a query on the current database and returns its data, or undefined when it could not be answered. */
export type RunQuery = (query: string, variables: Record<string, unknown>) => Promise<unknown>

/** Whether a document runs without variables: each of them has a default or may be null. */
function needsNoVariables(body: string): boolean {
  const operation = getOperationAST(parse(body))
  return (operation?.variableDefinitions ?? []).every((v) => v.defaultValue !== undefined || v.type.kind !== Kind.NON_NULL_TYPE)
}

/**
 * The variable sets the trusted documents are used with by the apps built on
 * them (docs/api.md, "Trusted documents"): every document with its defaults,
 * the first page of actions per theme and per district, each alderman's
 * portfolio page, every action's page and the budget in each grouping. Search
 * is left out: its words are the users' own. Read from the database the
 * uses are made for, through the API itself, so they follow its slugs.
 */
export async function trustedDocumentUses(run: RunQuery, manifest: PersistedQueryManifest = readManifest()): Promise<TrustedDocumentUse[]> {
  const idOf = new Map(manifest.operations.map((o) => [o.name, `sha256:${o.id}`]))
  const themes: string[] = []
  const portfolios: string[] = []
  const districts: string[] = []
  const actions: string[] = []
  let after: string | null = null
  do {
    const page = await run(catalogueQuery, { after }) as Catalogue | undefined
    if (!page) return []
    if (after === null) {
      themes.push(...page.themes.map((t) => t.slug))
      portfolios.push(...page.portfolios.map((p) => p.slug))
      districts.push(...page.districts.map((d) => d.slug))
    }
    actions.push(...page.actions.edges.map((e) => e.node.slug))
    after = page.actions.pageInfo.hasNextPage ? page.actions.pageInfo.endCursor : null
  } while (after !== null)

  const uses: TrustedDocumentUse[] = []
  const use = (name: string, variables?: Record<string, unknown>) => {
    const documentId = idOf.get(name)
    if (documentId) uses.push(variables ? { documentId, variables } : { documentId })
  }
  for (const operation of manifest.operations) if (operation.name !== 'Search' && needsNoVariables(operation.body)) use(operation.name)
  for (const groupBy of ['CATEGORY', 'PORTFOLIO']) use('BudgetOverview', { groupBy })
  for (const theme of themes) use('ActionsPage', { filter: { theme: [theme] } })
  for (const district of districts) use('ActionsPage', { filter: { district: [district] } })
  for (const slug of portfolios) use('PortfolioActions', { slug })
  for (const slug of actions) use('ActionDetail', { slug })
  return uses
}
