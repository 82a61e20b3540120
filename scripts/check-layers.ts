import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The dependency rule of src/: each folder may import only the folders listed
 * for it (and src/config.ts), so layers point one way: the store at the
 * bottom, the read model and the editorial domain above it, then the API, the
 * publication, the reports and the site; HTTP (routes, headers, policies) only
 * in src/server; the command line outermost. Run by `npm test`; prints every
 * import that breaks the rule and exits 1.
 */
const allowed: Record<string, readonly string[]> = {
  source: [],
  model: [],
  memory: [],
  search: ['source'],
  data: ['source', 'search'],
  store: ['data', 'search', 'source'],
  'read-model': ['model', 'search', 'source', 'store', 'data', 'memory'],
  editorial: ['store', 'model'],
  synthetic: ['build', 'data', 'source', 'store'],
  build: ['data', 'source', 'store', 'search'],
  api: ['editorial', 'memory', 'model', 'read-model', 'search', 'source', 'store'],
  reports: ['editorial', 'model', 'read-model', 'search', 'source', 'store', 'memory'],
  publication: ['editorial', 'model', 'read-model', 'reports', 'search', 'source', 'store', 'web'],
  web: ['editorial', 'model', 'publication', 'read-model', 'reports', 'search', 'source', 'store'],
  server: ['api', 'editorial', 'memory', 'model', 'publication', 'read-model', 'reports', 'search', 'source', 'store', 'web'],
  cli: ['*'],
}

/**
 * Imports that cross the rule today, each named with its reason; new ones fail. Moving the link helper
 * (src/web/web-paths.ts) below the API and the escaping helper below search would retire the first and last.
 */
const exceptions: Record<string, readonly string[]> = {
  // The API prints the site's links for search hits: the one URL helper lives with the site.
  'api/schema/search.ts': ['web'],
  // The API's source field names the licence and publisher the publication declares.
  'api/schema/source.ts': ['publication'],
  // The data's zod schema names the store's column types (a type import).
  'data/data-schema.ts': ['store'],
  // Snippets are cut from search rows and escaped for HTML.
  'search/search-snippet.ts': ['read-model', 'reports'],
}

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src')
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (path.endsWith('.ts')) yield path
  }
}

const folderOf = (path: string) => {
  const parts = relative(src, path).split(sep)
  return parts.length > 1 ? parts[0]! : null
}

const problems: string[] = []
for (const file of files(src)) {
  const from = folderOf(file)
  if (from === null) continue
  const rule = allowed[from]
  if (!rule) {
    problems.push(`${relative(src, file)}: src/${from} has no place in the layer rule (scripts/check-layers.ts)`)
    continue
  }
  for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const target = resolve(dirname(file), match[1] ?? match[2]!)
    if (!target.startsWith(src)) continue
    const to = folderOf(target)
    if (to === null || to === from || rule.includes('*') || rule.includes(to)) continue
    if (exceptions[relative(src, file).split(sep).join('/')]?.includes(to)) continue
    problems.push(`src/${relative(src, file)} imports src/${to} (${match[1] ?? match[2]}): src/${from} may import only ${rule.join(', ') || 'nothing of src'}`)
  }
}
if (problems.length > 0) {
  console.error(`The layer rule is broken:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('layers: every import of src/ points down')
