import type { Quad } from 'n3'
import { StreamWriter } from 'n3'
import { join } from 'node:path'
import { JsonLdWriter } from './jsonld-writer.js'
import { writeStreamed, type FileDigest } from './text-file.js'

export type RdfFormat = 'turtle' | 'jsonld'

/**
 * Writes quads as Turtle (n3's streaming writer) or JSON-LD (JsonLdWriter),
 * with the same prefixes. The quads come from a function so each format
 * reads its own stream: the data is never held whole. Returns the path
 * with the file's size and SHA-256.
 */
export async function writeRdf(options: {
  directory: string
  path: string
  format: RdfFormat
  prefixes: Record<string, string>
  quads: () => AsyncIterable<Quad> | Iterable<Quad>
}): Promise<{ path: string; digest: FileDigest }> {
  const serializer = options.format === 'turtle'
    ? new StreamWriter({ prefixes: options.prefixes, format: 'text/turtle' })
    : new JsonLdWriter(options.prefixes)
  return { path: options.path, digest: await writeStreamed(join(options.directory, options.path), options.quads(), serializer) }
}
