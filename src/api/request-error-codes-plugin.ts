import type { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { errorCodes } from './errors.js'
import { withCode } from './query-limits.js'

/**
 * Codes the errors of a request that was refused when execution began (a
 * variable of the wrong type, a required variable missing): graphql-js
 * reports them without a path or code, before any field ran. They are the
 * client's, so they get BAD_USER_INPUT, as the documentation promises.
 */
export function requestErrorCodesPlugin(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors || 'data' in result) return
          setResult({ ...result, errors: result.errors.map((e: GraphQLError) => (e.path || e.extensions.code ? e : withCode(e, errorCodes.badUserInput))) })
        },
      }
    },
  }
}
