import { createRequire } from 'node:module'
import type { GraphiQLOptions } from 'graphql-yoga'
import { changelogPaths } from './schema-changelog.js'

const require = createRequire(import.meta.url)
const version = (require('@graphql-yoga/render-graphiql/package.json') as { version: string }).version

/**
 * Where the server serves GraphiQL's script, styles, editor workers and icon
 * (from the installed @graphql-yoga/render-graphiql, never a CDN). The version
 * in the path lets browsers cache them for good.
 */
export const graphiqlAssetBase = `/graphiql/${version}/`

/** The example queries GraphiQL opens with, one per tab. */
export const exampleQueries: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'Themes and topics',
    query: `# The themes of the current agreement, with their topics and the number of actions of each kind.
# What changes in the schema, and when deprecated fields go: ${changelogPaths.html}
query ThemesAndTopics {
  themes {
    id
    name
    visionShort
    topics { title actionsConnection(first: 0) { totalCount facets { kinds { kind count } } } }
  }
}`,
  },
  {
    name: 'Actions, filtered and paged',
    query: `# Funded actions of the theme "wonen", 10 at a time. Pass pageInfo.endCursor as $after for the next page.
query FundedHousingActions($after: String) {
  actions(filter: { theme: ["wonen"], hasBudget: true }, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        text
        kind
        portfolios { holder { name } party { name } }
        budgetLines { displayName totalMoney { amount currencyCode } }
        source { startLine endLine }
      }
    }
  }
}`,
  },
  {
    name: 'Budget',
    query: `# The financial table: published totals beside the sum of the lines, and the lines of 2023.
query Budget {
  budgetTotals { year label money { amount currencyCode } computedMoney { amount } continuing }
  budgetLines(filter: { year: 2023, minAmount: 500000 }) {
    displayName
    category { name }
    amounts { year money { amount } continuing inferred inferenceReason }
  }
}`,
  },
  {
    name: 'Search',
    query: `# Full-text search: diacritics folded, Dutch stems, prefixes ("zwemb" finds "Zwembad").
query Search {
  search(query: "woningen", first: 5) {
    totalCount
    edges {
      node {
        rank
        snippet
        item {
          __typename
          ... on Action { text theme { name } }
          ... on Topic { title }
          ... on Target { description value unit }
        }
      }
    }
  }
}`,
  },
  {
    name: 'Portfolios',
    query: `# Who holds which portfolio, and whether the assignment was inferred from the text.
query Portfolios {
  portfolios {
    holder { name }
    party { name }
    assignmentInferred
    responsibilities { name }
    districts { name }
  }
}`,
  },
]

/** The GraphiQL options: the example queries as tabs. */
export const graphiqlOptions: GraphiQLOptions = {
  title: 'Open Akkoord API',
  defaultTabs: exampleQueries.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
  })),
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The GraphiQL page: a small HTML shell that loads the bundled GraphiQL from
 * our own asset path. (The package's own renderGraphiQL inlines 9 MB of
 * assets into every page; yoga's default loads them from unpkg.)
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const title = (options.title ?? 'GraphiQL').replace(/[<&]/g, '')
  const workers = {
    editorWorkerService: `${graphiqlAssetBase}editor.worker.js`,
    json: `${graphiqlAssetBase}json.worker.js`,
    graphql: `${graphiqlAssetBase}graphql.worker.js`,
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${graphiqlAssetBase}favicon.ico">
<link rel="stylesheet" href="${graphiqlAssetBase}graphiql.css">
<link rel="alternate" type="application/atom+xml" title="Schema changelog" href="${changelogPaths.atom}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript. Without it, POST queries to /graphql; the schema is at /schema.graphql.</noscript>
<p style="margin:0;padding:4px 12px;font:14px sans-serif"><a href="${changelogPaths.html}">Schema changelog</a>: breaking changes, deprecations and their removal dates (<a href="${changelogPaths.atom}">feed</a>).</p>
<div id="root"></div>
<script>
const workers = ${scriptJson(workers)};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
</script>
<script src="${graphiqlAssetBase}graphiql.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});</script>
</body>
</html>
`
}
