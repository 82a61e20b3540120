import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import type { FileDigest } from './text-file.js'

/** The one buffer a sink encodes into: a few writes per megabyte, and no new memory per write. */
const bufferBytes = 256 * 1024

const pendingUnits = 16 * 1024

/** UTF-8 takes at most three bytes per UTF-16 unit, so text this long always fits an empty buffer. */
const sliceUnits = Math.floor(bufferBytes / 3)

/**
 * A file written from text and bytes through one reused buffer, counted and
 * hashed as it goes. A Buffer per chunk (what a write stream or
 * `Buffer.from` makes) lives outside V8's heap and is freed only after a
 * collection, which V8 starts when some 64 MB of such memory has piled up:
 * at 1000x the data the dump's peak rose by that much. Writes are
 * synchronous and at most one buffer long, as the JSON.stringify and
 * writeFile calls the sink replaced were.
 */
export class FileSink {
  private readonly buffer = Buffer.allocUnsafe(bufferBytes)
  private used = 0
  /** Small texts are joined first: one encode per 16 k units rather than one per piece of JSON or Turtle. */
  private pending = ''
  private bytes = 0
  private readonly hash = createHash('sha256')
  private fd: number | null

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  /** Adds text (as UTF-8) or bytes to the file. */
  add(chunk: string | Uint8Array): void {
    if (typeof chunk !== 'string') {
      this.flush()
      this.writeOut(chunk)
      return
    }
    this.pending += chunk
    if (this.pending.length >= pendingUnits) this.encodePending()
  }

  private encodePending(): void {
    const chunk = this.pending
    this.pending = ''
    for (let start = 0; start < chunk.length;) {
      let end = Math.min(chunk.length, start + sliceUnits)
      // A slice never ends between the two halves of a surrogate pair.
      const last = chunk.charCodeAt(end - 1)
      if (end < chunk.length && last >= 0xd800 && last <= 0xdbff) end -= 1
      const text = end - start === chunk.length ? chunk : chunk.slice(start, end)
      if (this.used + text.length * 3 > bufferBytes) this.writeBuffer()
      this.used += this.buffer.write(text, this.used)
      start = end
    }
  }

  /** Writes everything added so far. */
  flush(): void {
    this.encodePending()
    this.writeBuffer()
  }

  private writeBuffer(): void {
    if (this.used === 0) return
    this.writeOut(this.buffer.subarray(0, this.used))
    this.used = 0
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error('FileSink: the file is closed')
    this.hash.update(bytes)
    this.bytes += bytes.length
    for (let written = 0; written < bytes.length;) written += writeSync(this.fd, bytes, written)
  }

  /** Writes the rest, closes the file and returns its size and SHA-256. */
  finish(): FileDigest {
    this.flush()
    this.close()
    return { bytes: this.bytes, sha256: this.hash.digest('hex') }
  }

  /** Closes the file without finishing it (after an error: the release being written is dropped whole). */
  close(): void {
    if (this.fd === null) return
    closeSync(this.fd)
    this.fd = null
  }
}
