import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { ActionRecord } from './records.js'

/** The orders an action list can be sorted in. */
export type ActionOrder = 'document' | 'deadline'

/** The earliest deadline of an action's targets (ISO 8601 dates compare as text); null when none has one. */
export function earliestDeadline(snapshot: AgreementSnapshot, action: ActionRecord): string | null {
  let earliest: string | null = null
  for (const target of snapshot.children('target', 'actionId', action.id)) {
    if (target.deadline !== null && (earliest === null || target.deadline < earliest)) earliest = target.deadline
  }
  return earliest
}

/**
 * The comparison of an order, a total one (ties go by document position), so
 * keyset pages never skip or repeat an action. By deadline: the earliest
 * deadline of the action's targets first; actions without one come last.
 * `deadlineOf` may answer for stand-ins of actions a rebuild removed.
 */
export function actionComparer(
  snapshot: AgreementSnapshot, order: ActionOrder, deadlineOf = (action: ActionRecord) => earliestDeadline(snapshot, action),
): (a: ActionRecord, b: ActionRecord) => number {
  const byPosition = (a: ActionRecord, b: ActionRecord) => a.position - b.position
  if (order === 'document') return byPosition
  return (a, b) => {
    const da = deadlineOf(a), db = deadlineOf(b)
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1
    return byPosition(a, b)
  }
}
