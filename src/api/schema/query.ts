import { builder } from '../builder.js'

builder.queryType({
  description: 'The entry points of the Open Akkoord API: the coalition agreements, their themes, actions, budget and people. '
    + 'Every list defaults to the current agreement; pass `agreement` (a slug) for another one.',
})
