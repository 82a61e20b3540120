import { isInterfaceType, isObjectType, isUnionType, type GraphQLObjectType } from 'graphql'
import { describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'

/** The fields two members of an abstract type both have under one name with different types (nullability included). */
function conflicts(members: readonly GraphQLObjectType[]): string[] {
  const found: string[] = []
  for (const [i, a] of members.entries()) for (const b of members.slice(i + 1)) {
    for (const [name, field] of Object.entries(a.getFields())) {
      const other = b.getFields()[name]
      if (!other || String(other.type) === String(field.type) || field.deprecationReason || other.deprecationReason) continue
      found.push(`${a.name}.${name}: ${field.type} / ${b.name}.${name}: ${other.type}`)
    }
  }
  return found
}

describe('fields across the members of a union or interface', () => {
  it('have one type per name (deprecated fields aside), so a client selects them in fragments without aliases', () => {
    const found: string[] = []
    for (const type of Object.values(executableSchema.getTypeMap())) {
      if (isUnionType(type)) found.push(...conflicts(type.getTypes()))
      if (isInterfaceType(type)) found.push(...conflicts(executableSchema.getPossibleTypes(type).filter(isObjectType)))
    }
    expect(found).toEqual([])
  })
})
