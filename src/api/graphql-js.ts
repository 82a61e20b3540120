/**
 * The graphql-js values the API uses, all from the one copy the libraries use.
 *
 * graphql 16 ships CommonJS (index.js, its "main") and ESM (index.mjs, its
 * "module") side by side. Node, and so graphql-yoga and Pothos, load index.js;
 * Vite (and so vitest, for our own sources) would pick index.mjs. Two copies
 * break `instanceof GraphQLError` (a NOT_FOUND thrown by a resolver would be
 * masked as an unexpected error) and schema checks. Importing the file by name
 * gives every runtime the same copy. Type-only imports may use 'graphql'.
 */
export {
  GraphQLError, Kind, buildSchema, getIntrospectionQuery, isEnumType, isInputObjectType, isInterfaceType, isObjectType,
  lexicographicSortSchema, printSchema,
} from 'graphql/index.js'
