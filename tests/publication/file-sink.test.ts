import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileSink } from '../../src/publication/file-sink.js'
import { fileDigest, writeStreamed } from '../../src/publication/text-file.js'

const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-file-sink-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Pieces of every size around the sink's buffer, with characters of 1 to 4 UTF-8 bytes, so slices fall inside a surrogate pair. */
function pieces(): (string | Uint8Array)[] {
  const mixed = 'aé€😀'
  return [
    'x', mixed.repeat(3), '😀'.repeat(100_000), 'é'.repeat(87_382), Buffer.from('raw bytes\n'),
    'a'.repeat(300_000), `${'b'.repeat(87_381)}😀`, ...Array.from({ length: 5000 }, (_, i) => `${i};${mixed}\r\n`), '',
  ]
}

describe('FileSink', () => {
  it('writes exactly the UTF-8 of what it was given, with its size and SHA-256', () => {
    const path = join(dir, 'sink.txt')
    const sink = new FileSink(path)
    const parts = pieces()
    for (const part of parts) sink.add(part)
    const digest = sink.finish()
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)))
    const written = readFileSync(path)
    expect(written.equals(expected)).toBe(true)
    expect(digest).toEqual({ bytes: expected.length, sha256: sha256(expected) })
  })

  it('gives writeStreamed and fileDigest the same digest as the bytes on disk', async () => {
    const path = join(dir, 'streamed.txt')
    async function* chunks() { yield* pieces() }
    const digest = await writeStreamed(path, chunks())
    const written = readFileSync(path)
    expect(digest).toEqual({ bytes: written.length, sha256: sha256(written) })
    expect(await fileDigest(path)).toEqual(digest)
  })

  it('refuses to write after it was closed, and closing twice is harmless', () => {
    const sink = new FileSink(join(dir, 'closed.txt'))
    sink.close()
    sink.close()
    expect(() => { sink.add(Buffer.from('late')) }).toThrow(/closed/)
  })
})
