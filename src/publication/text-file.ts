import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Writes chunks to a file through a stream pipeline, so a slow disk pushes
 * back on the producer and memory stays flat however much is written.
 * An optional transform sits between them (a serializer of quads, say).
 */
export async function writeStreamed(path: string, chunks: AsyncIterable<unknown> | Iterable<unknown>, transform?: Transform): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const source = Readable.from(chunks)
  if (transform) await pipeline(source, transform, createWriteStream(path))
  else await pipeline(source, createWriteStream(path))
}

/** Size and SHA-256 of a file, read as a stream. */
export async function fileDigest(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}
