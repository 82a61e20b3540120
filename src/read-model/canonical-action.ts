import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { ActionRecord } from './records.js'

/**
 * The record that stands for an action's commitment: the action itself, or the first statement it restates
 * (same_as). Progress is recorded and read on this record, so every copy of a commitment shows the same.
 */
export function canonicalAction(snapshot: AgreementSnapshot, action: ActionRecord): ActionRecord {
  return action.sameAsId === null ? action : snapshot.byId('action', action.sameAsId) ?? action
}

/** The other sentences that state the same commitment as the action, in document order (empty when there are none). */
export function copiesOfCommitment(snapshot: AgreementSnapshot, action: ActionRecord): readonly ActionRecord[] {
  const canonical = canonicalAction(snapshot, action)
  return [canonical, ...snapshot.children('action', 'sameAsId', canonical.id)].filter((a) => a.id !== action.id)
}

/** How many distinct commitments a list of actions holds: each canonical action once, with or without its copies. */
export function commitmentCount(actions: readonly ActionRecord[]): number {
  return new Set(actions.map((a) => a.sameAsId ?? a.id)).size
}

/** For each copy among the actions, its canonical action's slug: what progress of the copy is read under. */
export function canonicalSlugs(actions: readonly ActionRecord[]): ReadonlyMap<string, string> {
  let map = slugMaps.get(actions)
  if (!map) {
    const slugById = new Map(actions.map((a) => [a.id, a.slug]))
    map = new Map(actions.flatMap((a) => (a.sameAsId === null ? [] : [[a.slug, slugById.get(a.sameAsId) ?? a.slug] as const])))
    slugMaps.set(actions, map)
  }
  return map
}

// A snapshot's action list never changes, so its map is made once per list.
const slugMaps = new WeakMap<readonly ActionRecord[], ReadonlyMap<string, string>>()

/**
 * The actions that stand for the distinct commitments among the given actions: the first sentence of each
 * commitment in the order given, so a sentence that restates an earlier one (same_as) is counted once.
 * Progress read through commitmentProgress is the same on every sentence of a commitment.
 */
export function distinctCommitments<T extends { action: ActionRecord }>(actions: readonly T[]): T[] {
  const seen = new Set<number>()
  return actions.filter((a) => {
    const key = a.action.sameAsId ?? a.action.id
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
