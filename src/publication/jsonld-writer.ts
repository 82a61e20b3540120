import { Transform, type TransformCallback } from 'node:stream'
import type { Quad, Term } from 'n3'
import { ns } from './vocabulary.js'

type JsonValue = string | Record<string, string>

/**
 * A stream of quads in, JSON-LD text out: one node object per run of quads
 * with the same subject, under an inline `@context` of prefixes (nothing to
 * fetch). Node objects with the same `@id` merge when read, so a subject may
 * come back later (the link tables do). Values are written explicitly
 * (`@id`, `@value` with `@type` or `@language`), so they read back as the
 * very same triples as the Turtle.
 */
export class JsonLdWriter extends Transform {
  private subject: string | null = null
  private types: string[] = []
  private properties = new Map<string, JsonValue[]>()
  private started = false
  private nodes = 0

  constructor(private readonly prefixes: Record<string, string>) {
    super({ writableObjectMode: true })
  }

  /** A compact IRI where a prefix fits and the rest is a plain name; else the full IRI. */
  private compact(iri: string): string {
    for (const [prefix, namespace] of Object.entries(this.prefixes)) {
      if (iri.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(namespace.length))) return `${prefix}:${iri.slice(namespace.length)}`
    }
    return iri
  }

  private value(term: Term): JsonValue {
    if (term.termType === 'NamedNode') return { '@id': term.value }
    if (term.termType !== 'Literal') throw new Error(`JsonLdWriter writes no ${term.termType}`)
    if (term.language) return { '@value': term.value, '@language': term.language }
    if (term.datatype.value === `${ns.xsd}string`) return term.value
    return { '@value': term.value, '@type': this.compact(term.datatype.value) }
  }

  private flushNode(): void {
    if (this.subject === null) return
    const node: Record<string, unknown> = { '@id': this.subject }
    if (this.types.length) node['@type'] = this.types.length === 1 ? this.types[0] : this.types
    for (const [predicate, values] of this.properties) node[predicate] = values.length === 1 ? values[0] : values
    this.push(`${this.nodes++ ? ',\n' : ''}    ${JSON.stringify(node)}`)
    this.subject = null
    this.types = []
    this.properties = new Map()
  }

  private start(): void {
    if (this.started) return
    this.started = true
    this.push(`{\n  "@context": ${JSON.stringify(this.prefixes)},\n  "@graph": [\n`)
  }

  override _transform(quad: Quad, _encoding: BufferEncoding, done: TransformCallback): void {
    this.start()
    if (quad.subject.value !== this.subject) {
      this.flushNode()
      this.subject = quad.subject.value
    }
    if (quad.predicate.value === `${ns.rdf}type` && quad.object.termType === 'NamedNode') this.types.push(this.compact(quad.object.value))
    else {
      const key = this.compact(quad.predicate.value)
      const values = this.properties.get(key) ?? []
      values.push(this.value(quad.object))
      this.properties.set(key, values)
    }
    done()
  }

  override _flush(done: TransformCallback): void {
    this.start()
    this.flushNode()
    this.push('\n  ]\n}\n')
    done()
  }
}
