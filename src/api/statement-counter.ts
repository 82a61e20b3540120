import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'

/**
 * Counts the SQL statements one request runs. It is attached to a per-request
 * Kysely instance, so the count is exact for that request; the API reports it
 * in `extensions.sqlStatements` (and a test holds it constant as data grows).
 */
export class StatementCounter implements KyselyPlugin {
  count = 0

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}
