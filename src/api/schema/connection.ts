import { builder } from '../builder.js'

// Every connection reports the size of the whole filtered list; resolvers pass a thunk so it is only counted when asked for.
builder.globalConnectionField('totalCount', (t) => t.int({
  description: 'The number of items in the whole list (all pages), after filtering.',
  resolve: (connection) => connection.totalCount(),
}))
