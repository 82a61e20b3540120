import { createHash } from 'node:crypto'
import { mkdir, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FileSink } from './file-sink.js'

/** Size and SHA-256 of a written file. */
export interface FileDigest {
  bytes: number
  sha256: string
}

/**
 * Writes chunks (text or bytes) to a file as they come, so memory stays flat
 * however much is written, through one reused buffer (FileSink). An optional
 * transform sits between them (a serializer of quads, say). Returns the
 * file's size and SHA-256, computed on the way, so the file is not read
 * again for its checksum.
 */
export async function writeStreamed(path: string, chunks: AsyncIterable<unknown> | Iterable<unknown>, transform?: Transform): Promise<FileDigest> {
  await mkdir(dirname(path), { recursive: true })
  const sink = new FileSink(path)
  try {
    const drain = async (source: AsyncIterable<unknown> | Iterable<unknown>) => {
      for await (const chunk of source) sink.add(chunk as string | Uint8Array)
    }
    if (transform) await pipeline(Readable.from(chunks), transform, drain)
    else await drain(chunks)
    return sink.finish()
  } finally {
    sink.close()
  }
}

/** Bytes read at a time by fileDigest, into one buffer (a read stream makes a new one per chunk). */
const readBytes = 256 * 1024

/** Size and SHA-256 of a file, read through one reused buffer. */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(readBytes)
  let bytes = 0
  const handle = await open(path, 'r')
  try {
    for (let read = 0; (read = (await handle.read(buffer, 0, readBytes, null)).bytesRead) > 0;) {
      hash.update(buffer.subarray(0, read))
      bytes += read
    }
  } finally {
    await handle.close()
  }
  return { bytes, sha256: hash.digest('hex') }
}
