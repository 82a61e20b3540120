import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars'
import { builder } from '../builder.js'

// graphql-scalars' LocalDate: a calendar date without a time zone, YYYY-MM-DD, checked on input and output.
builder.addScalarType('LocalDate', LocalDateResolver, {
  description: 'A calendar date without a time zone, ISO 8601 (YYYY-MM-DD), as the agreement states dates. Invalid dates ("2026-02-30") are refused as BAD_USER_INPUT.',
})

// graphql-scalars' DateTimeISO under the common name: a moment in UTC, RFC 3339, as the editorial store records them.
builder.addScalarType('DateTime', DateTimeISOResolver, {
  description: 'A moment in time, RFC 3339 / ISO 8601 in UTC with milliseconds ("2026-03-01T09:30:00.000Z").',
})
