import {
  GraphQLError, Kind, print,
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { errorCodes } from './errors.js'

/** The fields of a selection set, fragments spread in (each fragment once, so a cycle cannot loop). */
function fieldsOf(selectionSet: SelectionSetNode, fragments: (name: string) => FragmentDefinitionNode | null | undefined, seen = new Set<string>()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection]
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments, seen)
    if (seen.has(selection.name.value)) return []
    seen.add(selection.name.value)
    const fragment = fragments(selection.name.value)
    return fragment ? fieldsOf(fragment.selectionSet, fragments, seen) : []
  })
}

/** A field and its arguments as written, argument order ignored: two selections with the same key fetch the same thing. */
const fieldKey = (field: FieldNode) => `${field.name.value}(${[...(field.arguments ?? [])].map((a) => `${a.name.value}:${print(a.value)}`).sort().join(',')})`

/**
 * Refuses one field selected under several aliases with the same arguments at
 * the same level: the answer would repeat the same data once per alias, so
 * thirty aliases of one list cost thirty times the work while a client gains
 * nothing (the same field without aliases is merged by GraphQL itself).
 * `__typename` is exempt: it costs nothing.
 */
export function noDuplicateFieldsRule(context: ValidationContext): ASTVisitor {
  return {
    SelectionSet(node) {
      const byKey = new Map<string, Set<string>>()
      for (const field of fieldsOf(node, (name) => context.getFragment(name))) {
        if (field.name.value === '__typename') continue
        const key = fieldKey(field)
        const aliases = byKey.get(key) ?? new Set<string>()
        aliases.add(field.alias?.value ?? field.name.value)
        byKey.set(key, aliases)
      }
      for (const [key, aliases] of byKey) {
        if (aliases.size < 2) continue
        context.reportError(new GraphQLError(
          `Query refused before running: ${key.replace(/\(\)$/, '')} is selected ${aliases.size} times with the same arguments (as ${[...aliases].join(', ')}); select it once.`,
          { nodes: [node], extensions: { code: errorCodes.queryTooComplex, limit: 'DUPLICATE_FIELDS', maximum: 1 } },
        ))
      }
    },
  }
}

/** Adds the duplicate-field rule to validation (whose results yoga caches per document). */
export function duplicateFieldsPlugin(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noDuplicateFieldsRule)
    },
  }
}
