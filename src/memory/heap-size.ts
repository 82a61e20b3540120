/**
 * Estimates of the heap a cached value holds, so caches can be bounded by the
 * memory they really take rather than by the bytes of their payload. The
 * constants were measured on Node 20 (V8 11) with tests/hostile/memory-bounds.test.ts;
 * they err on the large side.
 */

/** Bytes per JS object header and per property slot, and for a Buffer's object and backing-store record. */
const objectBytes = 64
const slotBytes = 16
const bufferOverheadBytes = 240

const oneByte = /^[\u0000-\u00ff]*$/

/** A string: a header, and one byte per character when every character fits in Latin-1, two otherwise. */
export function stringBytes(text: string): number {
  return 24 + text.length * (oneByte.test(text) ? 1 : 2)
}

/**
 * A flat record of strings (a header map). Header names are shared by every
 * record; with `sharedValues` the values are too (a copy of another record).
 */
export function recordBytes(record: Readonly<Record<string, string>> | undefined, sharedValues = false): number {
  if (!record) return 0
  let bytes = objectBytes
  for (const value of Object.values(record)) bytes += slotBytes + (sharedValues ? 0 : stringBytes(value))
  return bytes
}

/** A Buffer: its bytes and the objects that hold them. */
export function bufferBytes(buffer: Buffer): number {
  return bufferOverheadBytes + buffer.byteLength
}

/** A Map entry with an object value of a few fields. */
export const entryOverheadBytes = 3 * objectBytes + 8 * slotBytes
