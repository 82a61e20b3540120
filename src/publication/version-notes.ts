import SQLite from 'better-sqlite3'
import { createReadStream, existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { ChainStatement } from './chain-statement.js'
import { dutchHeader } from './dutch-headers.js'
import type { TableDefinition } from './table-definition.js'
import { tablePath } from './tables.js'

type Row = Record<string, unknown>

/** How many records changed one way, and the first few of them (as many as the notes show). */
interface ChangeList<T> {
  count: number
  first: T[]
}

/** What changed in one table between two releases. */
export interface TableChanges {
  table: TableDefinition
  added: ChangeList<string>
  removed: ChangeList<string>
  /** Changed records with the columns that changed. */
  changed: ChangeList<{ record: string; columns: string[] }>
}

const shown = 12
/** The most records of one kind the notes name (changed ones get twice the room of the others). */
const kept = shown * 2

/** The key of a row: its primary key, or the whole row for a table without one. */
const keyOf = (table: TableDefinition, row: Row): string => (table.primaryKey ? table.primaryKey.map((c) => String(row[c])).join(' + ') : JSON.stringify(row))
/** How a reader recognises a record: its slug where it has one, else its key. */
const labelOf = (table: TableDefinition, row: Row): string => String(row.slug ?? row.position ?? (table.primaryKey ? keyOf(table, row) : row.text ?? keyOf(table, row)))

/**
 * Loads a release's NDJSON file of the table into a scratch table (key,
 * order, row); nothing when the release has no such file. A key met twice
 * keeps its first place and its last row.
 */
async function loadRows(scratch: SQLite.Database, name: 'previous' | 'next', directory: string, table: TableDefinition): Promise<void> {
  scratch.exec(`DELETE FROM ${name}`)
  const path = join(directory, tablePath(table, 'ndjson'))
  if (!existsSync(path)) return
  const insert = scratch.prepare(`INSERT INTO ${name} (key, seq, row) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET row = excluded.row`)
  let seq = 0
  scratch.exec('BEGIN')
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line) insert.run(keyOf(table, JSON.parse(line) as Row), seq++, line)
  }
  scratch.exec('COMMIT')
}

function collect<T>(list: ChangeList<T>, item: () => T): void {
  if (list.first.length < kept) list.first.push(item())
  list.count += 1
}

/** Compares one table, loaded into the scratch tables, record by record, in file order. */
function compareTable(scratch: SQLite.Database, table: TableDefinition): TableChanges {
  const change: TableChanges = { table, added: { count: 0, first: [] }, removed: { count: 0, first: [] }, changed: { count: 0, first: [] } }
  const rows = (sql: string) => scratch.prepare(sql).raw().iterate() as IterableIterator<string[]>
  for (const [row] of rows('SELECT n.row FROM next n WHERE NOT EXISTS (SELECT 1 FROM previous p WHERE p.key = n.key) ORDER BY n.seq')) {
    collect(change.added, () => labelOf(table, JSON.parse(row!) as Row))
  }
  for (const [newText, oldText] of rows('SELECT n.row, p.row FROM next n JOIN previous p ON p.key = n.key WHERE n.row <> p.row ORDER BY n.seq')) {
    const [row, old] = [JSON.parse(newText!) as Row, JSON.parse(oldText!) as Row]
    const columns = table.columns.map((c) => c.name).filter((name) => JSON.stringify(old[name] ?? null) !== JSON.stringify(row[name] ?? null))
    if (columns.length) collect(change.changed, () => ({ record: labelOf(table, row), columns }))
  }
  for (const [row] of rows('SELECT p.row FROM previous p WHERE NOT EXISTS (SELECT 1 FROM next n WHERE n.key = p.key) ORDER BY p.seq')) {
    collect(change.removed, () => labelOf(table, JSON.parse(row!) as Row))
  }
  return change
}

/**
 * Compares the tables of two release folders (the previous and the new one),
 * record by record. The rows go through a scratch SQLite file, so memory
 * stays flat however large the releases: only the counts and the first
 * records the notes name are held.
 */
export async function compareReleases(previous: string, next: string, tables: readonly TableDefinition[]): Promise<TableChanges[]> {
  const folder = await mkdtemp(join(tmpdir(), 'open-akkoord-notes-'))
  const scratch = new SQLite(join(folder, 'rows.sqlite'))
  try {
    scratch.pragma('journal_mode = OFF')
    scratch.pragma('synchronous = OFF')
    for (const name of ['previous', 'next']) scratch.exec(`CREATE TABLE ${name} (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID`)
    const changes: TableChanges[] = []
    for (const table of tables) {
      await loadRows(scratch, 'previous', previous, table)
      await loadRows(scratch, 'next', next, table)
      changes.push(compareTable(scratch, table))
    }
    return changes
  } finally {
    scratch.close()
    await rm(folder, { recursive: true, force: true })
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const list = (items: ChangeList<string>) => `${items.first.slice(0, shown).join(', ')}${items.count > shown ? ` en ${items.count - shown} meer` : ''}`
const changeCount = (c: TableChanges) => c.added.count + c.removed.count + c.changed.count

/** The changes in one sentence per table, Dutch; empty when nothing changed. */
function tableSentences(changes: readonly TableChanges[]): string[] {
  return changes.filter((c) => changeCount(c) > 0).map((c) => {
    const parts = [
      c.added.count ? count(c.added.count, 'nieuw record', 'nieuwe records') : '',
      c.removed.count ? count(c.removed.count, 'vervallen record', 'vervallen records') : '',
      c.changed.count ? count(c.changed.count, 'gewijzigd record', 'gewijzigde records') : '',
    ].filter(Boolean)
    return `${c.table.dutchTitle}: ${parts.join(', ')}`
  })
}

/** The version notes in one paragraph (the catalogue's adms:versionNotes), ending with what it says of the editorial hash chain. */
export function versionNotesSummary(version: string, previous: string | null, changes: readonly TableChanges[] | null, chain: ChainStatement | null = null): string {
  const tail = chain ? ` ${chain.sentence}` : ''
  if (previous === null || changes === null) return `Versie ${version}: eerste uitgave van de publicatie.${tail}`
  const sentences = tableSentences(changes)
  if (sentences.length === 0) return `Versie ${version}: de gegevens zijn gelijk aan versie ${previous}; alleen de vorm van de bestanden kan verschillen.${tail}`
  return `Versie ${version}, vergeleken met versie ${previous}. ${sentences.join('. ')}.${tail}`
}

/** The version notes as a Dutch Markdown document: per table what was added, removed and changed, by record. */
export function versionNotesMarkdown(version: string, previous: string | null, changes: readonly TableChanges[] | null, chain: ChainStatement | null = null): string {
  const lines = [`# Versienotities Open Akkoord ${version}`, '', versionNotesSummary(version, previous, changes, chain), '']
  for (const c of changes ?? []) {
    if (changeCount(c) === 0) continue
    lines.push(`## ${c.table.dutchTitle} (\`${tablePath(c.table, 'csv')}\`)`, '')
    if (c.added.count) lines.push(`- Nieuw: ${list(c.added)}`)
    if (c.removed.count) lines.push(`- Vervallen: ${list(c.removed)}`)
    for (const item of c.changed.first) {
      const columns = item.columns.map((name) => `${dutchHeader(name).toLowerCase()} (\`${name}\`)`).join(', ')
      lines.push(`- Gewijzigd: ${item.record}: ${columns}`)
    }
    if (c.changed.count > kept) lines.push(`- En nog ${c.changed.count - kept} gewijzigde records.`)
    lines.push('')
  }
  if (chain) lines.push('## De redactionele geschiedenis', '', ...chain.lines, '')
  if (previous !== null) lines.push(`Vergelijk zelf: de vorige versie staat onder \`releases/${previous}/\`.`, '')
  return lines.join('\n')
}
