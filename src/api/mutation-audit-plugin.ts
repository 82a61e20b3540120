import { Kind, type DocumentNode, type GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { appendAudit } from '../editorial/audit-trail.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import type { ApiServerContext } from './yoga.js'

/** The mutation fields a document asks for, or none when it holds no mutation. */
function mutationFields(document: DocumentNode | undefined): string[] {
  return (document?.definitions ?? []).flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation'
    ? definition.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) : []))
}

/**
 * Audits mutations refused before any resolver ran: a document that fails
 * validation (an unknown field, a status not in the enum) or variables that
 * do not fit their types. Refusals inside resolvers are audited there.
 */
export function mutationAuditPlugin(editorial: EditorialStore | Promise<EditorialStore>): Plugin {
  let store: EditorialStore | undefined
  void Promise.resolve(editorial).then((opened) => { store = opened }, () => undefined)
  const audit = async (context: unknown, document: DocumentNode | undefined, errors: readonly (Error | GraphQLError)[] | undefined) => {
    const fields = mutationFields(document)
    if (!store || fields.length === 0) return
    const server = context as ApiServerContext
    const codes = (errors ?? []).map((e) => String(('extensions' in e ? e.extensions?.code : undefined) ?? 'GRAPHQL_VALIDATION_FAILED'))
    await appendAudit(store, {
      accountId: server.viewer?.id ?? null, operation: fields.join(',').slice(0, 100), outcome: 'refused',
      codes: codes.length ? codes : ['BAD_USER_INPUT'], requestId: server.requestId ?? null, client: server.client ?? null,
    })
  }
  return {
    onValidate({ params, context }) {
      return ({ valid, result }) => {
        // Validation is synchronous: the entry is written while the refusal is answered (a failed write loses only this entry).
        if (!valid) void audit(context, params.documentAST, result).catch(() => undefined)
      }
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          // Variables that do not coerce give a result without a data key: nothing was executed.
          if (!('data' in result) && 'errors' in result) void audit(args.contextValue, args.document, result.errors).catch(() => undefined)
        },
      }
    },
  }
}
