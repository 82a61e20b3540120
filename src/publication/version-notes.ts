import { createReadStream, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { dutchHeader } from './dutch-headers.js'
import type { TableDefinition } from './table-definition.js'
import { tablePath } from './tables.js'

type Row = Record<string, unknown>

/** What changed in one table between two releases. */
export interface TableChanges {
  table: TableDefinition
  added: string[]
  removed: string[]
  /** Changed records with the columns that changed. */
  changed: { record: string; columns: string[] }[]
}

/** The key of a row: its primary key, or the whole row for a table without one. */
const keyOf = (table: TableDefinition, row: Row): string => (table.primaryKey ? table.primaryKey.map((c) => String(row[c])).join(' + ') : JSON.stringify(row))
/** How a reader recognises a record: its slug where it has one, else its key. */
const labelOf = (table: TableDefinition, row: Row): string => String(row.slug ?? row.position ?? (table.primaryKey ? keyOf(table, row) : row.text ?? keyOf(table, row)))

/** The rows of a release's NDJSON file by key; none when the release has no such table. */
async function readRows(directory: string, table: TableDefinition): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>()
  const path = join(directory, tablePath(table, 'ndjson'))
  if (!existsSync(path)) return rows
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line) continue
    const row = JSON.parse(line) as Row
    rows.set(keyOf(table, row), row)
  }
  return rows
}

/** Compares the tables of two release folders (the previous and the new one), record by record. */
export async function compareReleases(previous: string, next: string, tables: readonly TableDefinition[]): Promise<TableChanges[]> {
  const changes: TableChanges[] = []
  for (const table of tables) {
    const [before, after] = await Promise.all([readRows(previous, table), readRows(next, table)])
    const change: TableChanges = { table, added: [], removed: [], changed: [] }
    for (const [key, row] of after) {
      const old = before.get(key)
      if (!old) change.added.push(labelOf(table, row))
      else {
        const columns = table.columns.map((c) => c.name).filter((name) => JSON.stringify(old[name] ?? null) !== JSON.stringify(row[name] ?? null))
        if (columns.length) change.changed.push({ record: labelOf(table, row), columns })
      }
    }
    for (const [key, row] of before) if (!after.has(key)) change.removed.push(labelOf(table, row))
    changes.push(change)
  }
  return changes
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const shown = 12
const list = (items: string[]) => `${items.slice(0, shown).join(', ')}${items.length > shown ? ` en ${items.length - shown} meer` : ''}`

/** The changes in one sentence per table, Dutch; empty when nothing changed. */
function tableSentences(changes: readonly TableChanges[]): string[] {
  return changes.filter((c) => c.added.length + c.removed.length + c.changed.length > 0).map((c) => {
    const parts = [
      c.added.length ? count(c.added.length, 'nieuw record', 'nieuwe records') : '',
      c.removed.length ? count(c.removed.length, 'vervallen record', 'vervallen records') : '',
      c.changed.length ? count(c.changed.length, 'gewijzigd record', 'gewijzigde records') : '',
    ].filter(Boolean)
    return `${c.table.dutchTitle}: ${parts.join(', ')}`
  })
}

/** The version notes in one paragraph (the catalogue's adms:versionNotes). */
export function versionNotesSummary(version: string, previous: string | null, changes: readonly TableChanges[] | null): string {
  if (previous === null || changes === null) return `Versie ${version}: eerste uitgave van de publicatie.`
  const sentences = tableSentences(changes)
  if (sentences.length === 0) return `Versie ${version}: de gegevens zijn gelijk aan versie ${previous}; alleen de vorm van de bestanden kan verschillen.`
  return `Versie ${version}, vergeleken met versie ${previous}. ${sentences.join('. ')}.`
}

/** The version notes as a Dutch Markdown document: per table what was added, removed and changed, by record. */
export function versionNotesMarkdown(version: string, previous: string | null, changes: readonly TableChanges[] | null): string {
  const lines = [`# Versienotities Open Akkoord ${version}`, '', versionNotesSummary(version, previous, changes), '']
  for (const c of changes ?? []) {
    if (c.added.length + c.removed.length + c.changed.length === 0) continue
    lines.push(`## ${c.table.dutchTitle} (\`${tablePath(c.table, 'csv')}\`)`, '')
    if (c.added.length) lines.push(`- Nieuw: ${list(c.added)}`)
    if (c.removed.length) lines.push(`- Vervallen: ${list(c.removed)}`)
    for (const item of c.changed.slice(0, shown * 2)) {
      const columns = item.columns.map((name) => `${dutchHeader(name).toLowerCase()} (\`${name}\`)`).join(', ')
      lines.push(`- Gewijzigd: ${item.record}: ${columns}`)
    }
    if (c.changed.length > shown * 2) lines.push(`- En nog ${c.changed.length - shown * 2} gewijzigde records.`)
    lines.push('')
  }
  if (previous !== null) lines.push(`Vergelijk zelf: de vorige versie staat onder \`releases/${previous}/\`.`, '')
  return lines.join('\n')
}
