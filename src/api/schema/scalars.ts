import { LocalDateResolver } from 'graphql-scalars'
import { builder } from '../builder.js'

// graphql-scalars' LocalDate: a calendar date without a time zone, YYYY-MM-DD, checked on input and output.
builder.addScalarType('LocalDate', LocalDateResolver, {
  description: 'A calendar date without a time zone, ISO 8601 (YYYY-MM-DD), as the agreement states dates. Invalid dates ("2026-02-30") are refused as BAD_USER_INPUT.',
})
