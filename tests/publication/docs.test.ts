import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { publicationTables } from '../../src/publication/tables.js'

describe('docs/data.md', () => {
  it('documents every published table and every column', () => {
    const docs = readFileSync(join(projectRoot, 'docs/data.md'), 'utf8')
    for (const table of publicationTables) {
      const section = docs.split(`### ${table.name}\n`)[1]?.split('\n### ')[0]
      expect(section, table.name).toBeDefined()
      for (const column of table.columns) expect(section, `${table.name}.${column.name}`).toContain(`| \`${column.name}\` | ${column.type}`)
    }
  })
})
