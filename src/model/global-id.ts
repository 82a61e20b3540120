/**
 * Opaque global IDs, the same in the API and in every dump. They are derived
 * from stable keys (agreement slug plus the record's slug, position or year),
 * never from row ids, so they survive database rebuilds.
 */
export const nodeTypes = [
  'Agreement', 'Party', 'Person', 'Section', 'Theme', 'Topic', 'Action', 'Target', 'BudgetCategory', 'BudgetLine',
  'BudgetYearTotal', 'Rule', 'Portfolio', 'Responsibility', 'District',
] as const
/**
 * The node types of the editorial store (progress revisions): their key is the
 * revision's id there, which is append-only and never rebuilt. They are not
 * part of the content dumps.
 */
export const editorialNodeTypes = ['ProgressAssessment', 'TargetMeasurement', 'ProgressRetraction'] as const
export type NodeType = (typeof nodeTypes)[number] | (typeof editorialNodeTypes)[number]
const allNodeTypes: readonly string[] = [...nodeTypes, ...editorialNodeTypes]

/** The decoded parts of a global ID. */
export interface GlobalIdParts {
  type: NodeType
  agreement: string
  key: string
}

/** The global ID of a record: base64url of "Type:agreement/key" (for an Agreement, key is empty). */
export function toGlobalId(type: NodeType, agreement: string, key = ''): string {
  const raw = type === 'Agreement' ? `${type}:${agreement}` : `${type}:${agreement}/${key}`
  return Buffer.from(raw, 'utf8').toString('base64url')
}

/** Decodes a global ID, or returns null when it is not one of ours. */
export function fromGlobalId(id: string): GlobalIdParts | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 400 || !/^[A-Za-z0-9_-]+$/.test(id)) return null
  const raw = Buffer.from(id, 'base64url').toString('utf8')
  const match = /^([A-Za-z]+):([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(raw)
  if (!match) return null
  const type = match[1] as NodeType
  if (!allNodeTypes.includes(type)) return null
  if ((type === 'Agreement') !== (match[3] === undefined)) return null
  return { type, agreement: match[2]!, key: match[3] ?? '' }
}
