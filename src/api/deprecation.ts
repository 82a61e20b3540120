/**
 * The date after which every field deprecated so far may be removed: at
 * least six months after its deprecation (docs/api.md, "Stability promise").
 */
const removalDate = '2027-06-30'

/** A deprecation reason: what to use instead, and the date after which the field may go. */
export function deprecated(reason: string, until = removalDate): string {
  return `${reason} Removed after ${until}.`
}
