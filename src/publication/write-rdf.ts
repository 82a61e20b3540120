import type { Quad } from 'n3'
import { StreamWriter } from 'n3'
import { join } from 'node:path'
import { JsonLdWriter } from './jsonld-writer.js'
import { writeStreamed } from './text-file.js'

export type RdfFormat = 'turtle' | 'jsonld'

/**
 * Writes quads as Turtle (n3's streaming writer) or JSON-LD (JsonLdWriter),
 * with the same prefixes. The quads come from a function so each format
 * reads its own stream: the data is never held whole.
 */
export async function writeRdf(options: {
  directory: string
  path: string
  format: RdfFormat
  prefixes: Record<string, string>
  quads: () => AsyncIterable<Quad> | Iterable<Quad>
}): Promise<string> {
  const serializer = options.format === 'turtle'
    ? new StreamWriter({ prefixes: options.prefixes, format: 'text/turtle' })
    : new JsonLdWriter(options.prefixes)
  await writeStreamed(join(options.directory, options.path), options.quads(), serializer)
  return options.path
}
