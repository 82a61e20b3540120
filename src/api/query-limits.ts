import { EnvelopArmor } from '@escape.tech/graphql-armor'
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types'
import { complexityFromQuery } from '@pothos/plugin-complexity'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens'
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql'
import { getVariableValues, GraphQLError, Kind } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Config } from '../config.js'
import { listArgumentCost } from './argument-cost.js'
import { errorCodes } from './errors.js'
import { noDuplicateFieldsRule } from './duplicate-fields.js'
import { countIntrospection } from './introspection-cost.js'

type Limits = Config['limits']

/** A refused query: names the limit (as the setting that configures it) and its maximum. */
function tooComplex(message: string, limit: string, maximum: number, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Query refused before running: ${message} (limit ${limit} = ${maximum}).`, {
    extensions: { code: errorCodes.queryTooComplex, limit, maximum, ...extra },
  })
}

/** graphql-armor's check, reporting our coded error instead of its own. */
function reject(limit: string, maximum: number): GraphQLArmorRejectCallback {
  return (context, error) => {
    const coded = tooComplex(error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '').toLowerCase(), limit, maximum)
    // The token limit runs inside the parser and has no validation context: throwing aborts the parse.
    if (context) context.reportError(coded)
    else throw coded
  }
}

/** graphql-armor's settings for the depth, alias, directive and token limits, shared by yoga's plugins and the lean path's rules. */
function armorOptions(limits: Limits) {
  return {
    // Introspection's depth is checked with its cost (queryCost), where `ofType` chains can be told apart.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [reject('MAX_DEPTH', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reject('MAX_ALIASES', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject('MAX_DIRECTIVES', limits.maxDirectives)] },
    maxTokens: { n: limits.maxTokens, propagateOnRejection: false, onReject: [reject('MAX_TOKENS', limits.maxTokens)] },
  }
}

/**
 * Depth, alias, directive and token limits (graphql-armor). All run while the
 * query is parsed and validated, so a refused query never executes.
 */
export function armorPlugins(limits: Limits): Plugin[] {
  const armor = new EnvelopArmor({
    ...armorOptions(limits),
    // Cost is measured with the schema's own per-field estimates below; suggestions help users of an open schema.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  })
  return armor.protect().plugins as Plugin[]
}

/**
 * The same limits for a caller that parses and validates by itself (the lean
 * request path): a parser that stops at MAX_TOKENS, and the validation rules
 * for depth, aliases, directives and repeated fields, from the same modules
 * and settings as yoga's plugins.
 */
export function limitRules(limits: Limits): { parse(source: string): DocumentNode; rules: ValidationRule[] } {
  const options = armorOptions(limits)
  return {
    parse: (source) => new MaxTokensParserWLexer(source, options.maxTokens).parseDocument(),
    rules: [maxDepthRule(options.maxDepth), maxAliasesRule(options.maxAliases), maxDirectivesRule(options.maxDirectives), noDuplicateFieldsRule] as ValidationRule[],
  }
}

/**
 * Introspection fields answered per unit of cost. They are read from the
 * schema in memory, with no SQL behind them, but each is resolved and
 * serialised: measured, three introspection fields take about the CPU of one
 * unit of data cost (docs/performance.md). GraphiQL's full introspection
 * query costs what docs/api.md's generated cost figures say, within MAX_COST.
 */
const introspectionFieldsPerCost = 3

/** The estimated cost of a request, its parts, and how deep its introspection nests. */
export interface QueryCost {
  cost: number
  /** Of the cost: the items of its list arguments, and its introspection (both exact before it runs). */
  exact: number
  /** The fields its introspection answers, and their depth (not counting `ofType`). */
  introspection: { fields: number; depth: number }
}

/**
 * The estimated cost of the operation a request runs: the complexity each
 * field declares (a list multiplies the cost of what is selected in it by its
 * expected size; a connection by the page size asked for; `nodes` by the IDs
 * given), plus one per item of every list argument, plus the introspection it
 * asks for, counted exactly, all with the variables' defaults applied (a
 * required argument given by a defaulted variable used to leave the request
 * uncosted). Counting stops once the cost passes `maximum`.
 * Undefined when the variables are invalid: execution reports those.
 */
export function queryCost(
  schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined,
  maximum = Number.MAX_SAFE_INTEGER,
): QueryCost | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined
  if (!operation) return undefined
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
  const only: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }
  const values = variables ?? {}
  // Pothos coerces the variables itself; the list arguments are counted with them as execution sees them, defaults applied.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], values)
  if (coerced.errors) return undefined
  try {
    const argumentCost = listArgumentCost(schema, only, coerced.coerced)
    const fieldCost = complexityFromQuery(only, { schema, variables: values, ctx: {} }).complexity + argumentCost
    const budget = Math.max(0, maximum - fieldCost) * introspectionFieldsPerCost
    const introspection = countIntrospection(schema, operation, Object.fromEntries(fragments.map((f) => [f.name.value, f])), values, budget)
    const introspectionCost = Math.ceil(introspection.fields / introspectionFieldsPerCost)
    return { cost: fieldCost + introspectionCost, exact: argumentCost + introspectionCost, introspection }
  } catch {
    return undefined
  }
}

/** What the cost check leaves in the request context for the response's extensions. */
export interface CostContext {
  queryCost?: number
  measuredCost?: QueryCost
}

/**
 * Refuses a query whose estimated cost exceeds MAX_COST just before it would
 * execute, and records the cost of an accepted one. This runs at execution
 * rather than validation because the cost depends on the variables (`first:
 * $n`), while yoga caches validation results per document.
 */
export function costLimitPlugin(limits: Limits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const measured = queryCost(args.schema, args.document, args.operationName, args.variableValues ?? undefined, limits.maxCost)
      if (measured === undefined) return
      const { cost, introspection } = measured
      if (introspection.depth > limits.maxDepth) {
        setResultAndStopExecution({ errors: [tooComplex(`its introspection is ${introspection.depth} levels deep`, 'MAX_DEPTH', limits.maxDepth, { http: { status: 400, spec: true } })] })
        return
      }
      if (cost > limits.maxCost) {
        // Answered like a validation error: 400 for application/graphql-response+json, 200 for application/json (yoga strips `http`).
        setResultAndStopExecution({ errors: [tooComplex(`its estimated cost is ${cost}; ask for smaller pages (first/last) or fewer nested lists`,
          'MAX_COST', limits.maxCost, { cost, http: { status: 400, spec: true } })] })
        return
      }
      ;(args.contextValue as CostContext).queryCost = cost
      ;(args.contextValue as CostContext).measuredCost = measured
    },
  }
}

/** A copy of a GraphQL error with an error code (and any other extensions) added. */
export function withCode(error: GraphQLError, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError,
    extensions: { ...error.extensions, code, ...extra },
  })
}
