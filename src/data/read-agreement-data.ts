import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import type { ZodType } from 'zod'
import { DataError, DataErrors } from './data-error.js'
import { decodeDataFile } from './free-text.js'
import {
  agreementFileSchema, budgetFileSchema, portfoliosFileSchema, rulesFileSchema, themeFileSchema,
  type AgreementFile, type BudgetFile, type PortfoliosFile, type RulesFile, type ThemeFile,
} from './data-schema.js'

/** A parsed data file with the path it came from, for error messages. */
interface Loaded<T> {
  file: string
  data: T
}

/** All curated files of one agreement, parsed and checked against their schemas. */
export interface AgreementData {
  dir: string
  agreement: Loaded<AgreementFile>
  themes: Loaded<ThemeFile>[]
  portfolios: Loaded<PortfoliosFile>
  budget: Loaded<BudgetFile>
  rules: Loaded<RulesFile>
}

/**
 * Reads and schema-checks the files of one agreement folder (db/data/<slug>).
 * Throws DataErrors naming every file and record that does not fit its schema.
 */
export function readAgreementData(dir: string, root = process.cwd()): AgreementData {
  const errors: DataError[] = []
  const load = <T>(path: string, schema: ZodType<T>): Loaded<T> => {
    const file = relative(root, path)
    let raw: unknown
    try {
      raw = parse(decodeDataFile(readFileSync(path)))
    } catch (error) {
      errors.push(new DataError(file, '(file)', error instanceof Error ? error.message.split('\n')[0]! : String(error)))
      return { file, data: undefined as T }
    }
    const result = schema.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push(new DataError(file, recordLabel(raw, issue.path), `${issue.path.join('.') || '(root)'}: ${issue.message}`))
      }
    }
    return { file, data: result.data as T }
  }
  const themeDir = join(dir, 'themes')
  const themeFiles = listYaml(themeDir)
  if (themeFiles.length === 0) errors.push(new DataError(relative(root, themeDir), '(folder)', 'holds no theme files'))
  const data: AgreementData = {
    dir,
    agreement: load(join(dir, 'agreement.yaml'), agreementFileSchema),
    themes: themeFiles.map((name) => load(join(themeDir, name), themeFileSchema)),
    portfolios: load(join(dir, 'portfolios.yaml'), portfoliosFileSchema),
    budget: load(join(dir, 'budget.yaml'), budgetFileSchema),
    rules: load(join(dir, 'rules.yaml'), rulesFileSchema),
  }
  if (errors.length > 0) throw new DataErrors(errors)
  return data
}

/** Theme files are ordered by their NN- prefix, which is their position in the document. */
function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()
  } catch {
    return []
  }
}

/** Names the innermost record on the path by its slug or position, e.g. "action fonds-jongeren". */
function recordLabel(raw: unknown, path: readonly PropertyKey[]): string {
  let label = '(file)'
  let node: unknown = raw
  let key: PropertyKey | undefined
  for (const step of path) {
    if (node === null || typeof node !== 'object') break
    node = (node as Record<PropertyKey, unknown>)[step]
    if (typeof step === 'string') key = step
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const record = node as Record<string, unknown>
      const id = record.slug ?? record.position ?? record.year
      if (id !== undefined) label = `${singular(key)} ${String(id)}`
    }
  }
  return label
}

function singular(key: PropertyKey | undefined): string {
  const names: Record<string, string> = {
    topics: 'topic', actions: 'action', targets: 'target', sections: 'section', parties: 'party', persons: 'person',
    portfolios: 'portfolio', responsibilities: 'responsibility', districts: 'district', categories: 'budget category',
    budget_lines: 'budget line', rules: 'rule', years: 'year',
  }
  return names[String(key)] ?? 'record'
}
