import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'

/** Every source file under a folder, recursively. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * The test corpus: every query written out in a test (a quoted or template
 * string that starts like a GraphQL document and interpolates nothing) and
 * every GraphQL example of the docs and README.
 */
export function collectQueries(): string[] {
  const queries = new Set<string>()
  for (const file of filesUnder(join(projectRoot, 'tests'), /\.ts$/)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/[`'](\s*(?:query|\{)[^`'$]*?)[`']/g)) {
      if (/^\s*(query\b|\{\s*[_a-zA-Z])/.test(match[1]!) && !/^\s*\{\s*"/.test(match[1]!)) queries.add(match[1]!)
    }
  }
  for (const file of [...filesUnder(join(projectRoot, 'docs'), /\.md$/), join(projectRoot, 'README.md')]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)) queries.add(match[1]!)
  }
  return [...queries]
}
