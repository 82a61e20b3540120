import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import RelayPlugin from '@pothos/plugin-relay'
import type { ApiContext } from './context.js'
import { decodeNodeId, encodeNodeId } from './node-id.js'

/**
 * The Pothos schema builder: plugins and defaults only; every type lives in
 * its own file under schema/. Fields are non-null unless marked nullable, and
 * connections have non-null edges and nodes, so clients need fewer null checks.
 */
export const builder = new SchemaBuilder<{
  Context: ApiContext
  DefaultFieldNullability: false
  DefaultEdgesNullability: { list: false; items: false }
  DefaultNodeNullability: false
  Connection: { totalCount: () => number | Promise<number> }
  Scalars: { LocalDate: { Input: string; Output: string }; DateTime: { Input: string; Output: string } }
}>({
  plugins: [RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  complexity: { defaultComplexity: 1, defaultListMultiplier: 10 },
  relay: {
    cursorType: 'String',
    // Our own encoding (src/model/global-id.ts): the same IDs as in the dumps, stable across rebuilds.
    encodeGlobalID: encodeNodeId,
    decodeGlobalID: (globalId) => decodeNodeId(globalId),
    nodeTypeOptions: { description: 'An object with a global ID that stays the same across database rebuilds; fetch any of them with `node` or `nodes`.' },
    idFieldOptions: { description: 'The global ID: opaque, stable across database rebuilds, and the same as in the data dumps.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow the last one of this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether more items precede the first one of this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page; null when the page is empty.' },
    cursorFieldOptions: { description: 'An opaque cursor for this item: pass it as `after` or `before` to page from here.' },
    edgesFieldOptions: { nullable: { list: false, items: false }, description: 'The items of this page, each with its cursor.', complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    pageInfoFieldOptions: { description: 'Where this page stands in the whole list, and the cursors to page on.' },
    firstArgOptions: { description: 'Returns the first n items (default 20, at most 100).' },
    lastArgOptions: { description: 'Returns the last n items (at most 100); use with `before` to page backwards.' },
    afterArgOptions: { description: 'Returns the items after this cursor.' },
    beforeArgOptions: { description: 'Returns the items before this cursor.' },
    // node and nodes are defined in schema/node.ts: partial results for a bad or repeated ID.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
})
