import type { AgreementSnapshot } from '../read-model/agreement-snapshot.js'
import type { ActionRecord } from '../read-model/records.js'
import { decodeCursor } from './cursor.js'
import { badUserInput } from './errors.js'

/** What an action cursor names: the action's stable slug and its sort key (source line, earliest deadline). */
export interface ActionCursorKey {
  slug: string
  startLine: number
  deadline: string | null
}

const pattern = /^([A-Za-z]+):(\d{1,9}):(\d{4}-\d{2}-\d{2})?:([a-z0-9][a-z0-9-]{0,199})$/

/**
 * An action cursor: base64url of "scope:startLine:deadline:slug". The slug
 * names the action for good; the source line and the deadline are its place
 * in the order, so a cursor still has a place after a rebuild that removed
 * its action.
 */
export function encodeActionCursor(scope: string, key: ActionCursorKey): string {
  return Buffer.from(`${scope}:${key.startLine}:${key.deadline ?? ''}:${key.slug}`, 'utf8').toString('base64url')
}

/**
 * The bound a cursor names in this snapshot: the action with its slug,
 * wherever it stands now; or, when a rebuild removed it, a stand-in placed
 * where it would be (after the actions on earlier lines, at its deadline).
 * Cursors of the earlier form (`Action:23`, a position) still name the action
 * at that position. `deadlines` receives the stand-in's deadline for the comparer.
 */
export function actionCursorBound(
  snapshot: AgreementSnapshot, scope: string, cursor: string, argument: string, deadlines: Map<ActionRecord, string | null>,
): ActionRecord {
  const raw = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = pattern.exec(raw)
  if (!match) {
    const position = decodeCursor(scope, cursor, argument)
    const action = snapshot.actionAt(position)
    if (!action) throw badUserInput(argument, cursor, 'is not a cursor of this list (use a cursor returned by it)')
    return action
  }
  if (match[1] !== scope) throw badUserInput(argument, cursor, 'is not a cursor of this list (use a cursor returned by it)')
  const found = snapshot.byKey('action', match[4]!)
  if (found) return found
  const actions = snapshot.list('action')
  if (actions.length === 0) throw badUserInput(argument, cursor, 'names an action this agreement does not have')
  const startLine = Number(match[2])
  const position = actions.filter((a) => a.source.startLine < startLine).reduce((max, a) => Math.max(max, a.position), 0) + 0.5
  const standIn: ActionRecord = { ...actions[0]!, id: -1, slug: match[4]!, position, source: { startLine, endLine: startLine } }
  deadlines.set(standIn, match[3] ?? null)
  return standIn
}
