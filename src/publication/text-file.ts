import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Size and SHA-256 of a written file. */
export interface FileDigest {
  bytes: number
  sha256: string
}

/** Passes bytes through unchanged while hashing and counting them. */
class Digesting extends Transform {
  private readonly hash = createHash('sha256')
  private bytes = 0

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    done(null, chunk)
  }

  digest(): FileDigest {
    return { bytes: this.bytes, sha256: this.hash.digest('hex') }
  }
}

/**
 * Writes chunks to a file through a stream pipeline, so a slow disk pushes
 * back on the producer and memory stays flat however much is written.
 * An optional transform sits between them (a serializer of quads, say).
 * Returns the file's size and SHA-256, computed on the way, so the file is
 * not read again for its checksum.
 */
export async function writeStreamed(path: string, chunks: AsyncIterable<unknown> | Iterable<unknown>, transform?: Transform): Promise<FileDigest> {
  await mkdir(dirname(path), { recursive: true })
  const source = Readable.from(chunks)
  const digesting = new Digesting()
  if (transform) await pipeline(source, transform, digesting, createWriteStream(path))
  else await pipeline(source, digesting, createWriteStream(path))
  return digesting.digest()
}

/** Size and SHA-256 of a file, read as a stream. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}
