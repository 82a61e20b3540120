import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { errorCodes } from './errors.js'
import { withCode } from './query-limits.js'

/**
 * Refuses a subscription while the query is validated: the API has none
 * (docs/api.md, "What is not supported"), and graphql-js would otherwise
 * answer with an uncoded execution error.
 */
function noSubscriptionsRule(context: ValidationContext): ASTVisitor {
  return {
    [Kind.OPERATION_DEFINITION](node) {
      if (node.operation !== 'subscription') return
      context.reportError(new GraphQLError('Subscriptions are not supported: poll `progressChanges` with `after` for what was published since (docs/api.md, "What is not supported").', {
        nodes: [node], extensions: { code: errorCodes.operationNotSupported },
      }))
    },
  }
}

/**
 * Codes the errors of a request that was refused when execution began (a
 * variable of the wrong type, a required variable missing): graphql-js
 * reports them without a path or code, before any field ran. They are the
 * client's, so they get BAD_USER_INPUT, as the documentation promises, and
 * the status GraphQL over HTTP gives a request error: 400 for
 * application/graphql-response+json, 200 for application/json (yoga reads
 * and strips `http`). Subscriptions are refused in validation.
 */
export function requestErrorCodesPlugin(): Plugin {
  const requestError = { http: { status: 400, spec: true } }
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noSubscriptionsRule)
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors || 'data' in result) return
          setResult({ ...result, errors: result.errors.map((e: GraphQLError) => (e.path || e.extensions.code ? e : withCode(e, errorCodes.badUserInput, requestError))) })
        },
      }
    },
  }
}
