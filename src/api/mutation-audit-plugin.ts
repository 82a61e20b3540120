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
  // The audit entry of a refusal, awaited before the answer goes out: a client that reads the trail next finds it.
  const pending = new WeakMap<Request, Promise<void>>()
  const write = async (context: unknown, document: DocumentNode | undefined, errors: readonly (Error | GraphQLError)[] | undefined) => {
    const fields = mutationFields(document)
    if (!store || fields.length === 0) return
    const server = context as ApiServerContext
    const codes = (errors ?? []).map((e) => String(('extensions' in e ? e.extensions?.code : undefined) ?? 'GRAPHQL_VALIDATION_FAILED'))
    await appendAudit(store, {
      accountId: server.viewer?.id ?? null, operation: fields.join(',').slice(0, 100), outcome: 'refused',
      codes: codes.length ? codes : ['BAD_USER_INPUT'], requestId: server.requestId ?? null, client: server.client ?? null,
    })
  }
  const audit = (context: unknown, document: DocumentNode | undefined, errors: readonly (Error | GraphQLError)[] | undefined) => {
    const request = (context as { request?: Request }).request
    const written = write(context, document, errors).catch(() => undefined)
    if (request) pending.set(request, written)
  }
  return {
    async onResultProcess({ request }) {
      await pending.get(request)
    },
    onValidate({ params, context }) {
      return ({ valid, result }) => {
        if (!valid) audit(context, params.documentAST, result)
      }
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          // Variables that do not coerce give a result without a data key: nothing was executed.
          if (!('data' in result) && 'errors' in result) audit(args.contextValue, args.document, result.errors)
        },
      }
    },
  }
}
