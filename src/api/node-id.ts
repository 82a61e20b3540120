import { editorialNodeTypes, fromGlobalId, nodeTypes, toGlobalId, type NodeType } from '../model/global-id.js'
import { badUserInput } from './errors.js'

/**
 * The local part of a global ID inside the API: "agreement/key", or just
 * "agreement" for an Agreement. Node types resolve their `id` to this and the
 * relay plugin turns it into the shared global ID of src/model/global-id.ts.
 */
export function localId(agreementSlug: string, key?: string): string {
  return key === undefined ? agreementSlug : `${agreementSlug}/${key}`
}

/** Splits a local ID back into agreement slug and key. */
export function splitLocalId(id: string): { agreement: string; key: string } {
  const slash = id.indexOf('/')
  return slash < 0 ? { agreement: id, key: '' } : { agreement: id.slice(0, slash), key: id.slice(slash + 1) }
}

/** The relay plugin's encoder: our stable global IDs instead of Pothos' default. */
export function encodeNodeId(typename: string, id: string | number | bigint): string {
  if (![...nodeTypes, ...editorialNodeTypes].includes(typename as NodeType)) throw new Error(`${typename} is not a node type`)
  const { agreement, key } = splitLocalId(String(id))
  return typename === 'Agreement' ? toGlobalId('Agreement', agreement) : toGlobalId(typename as NodeType, agreement, key)
}

/** The relay plugin's decoder; a malformed ID is the caller's mistake, reported as BAD_USER_INPUT. */
export function decodeNodeId(globalId: string, argument = 'id', index?: number): { typename: string; id: string } {
  const parts = fromGlobalId(globalId)
  if (!parts) throw badUserInput(argument, globalId, 'is not a global ID of this API (IDs are opaque: copy them from an `id` field)', index)
  return { typename: parts.type, id: parts.type === 'Agreement' ? parts.agreement : localId(parts.agreement, parts.key) }
}
