import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { FileSink } from './file-sink.js'
import type { FileDigest } from './text-file.js'

/** Arrays and plain objects are written part by part; anything else (a Date, a value with toJSON) as JSON.stringify writes it. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return Array.isArray(value) || prototype === Object.prototype || prototype === null
}

/** JSON.stringify(value, null, 2) of a value that starts at the given indentation; undefined where JSON has no text for it. */
const leafText = (value: unknown, indent: string): string | undefined => JSON.stringify(value, null, 2)?.replaceAll('\n', `\n${indent}`)

/**
 * Writes value as JSON.stringify(value, null, 2) would, member by member. A
 * literal line break occurs in that text only as layout (JSON escapes it in
 * strings), so a stringified leaf is indented by replacing its line breaks.
 */
function writeValue(out: FileSink, value: unknown, indent: string): void {
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return out.add('[]')
    value.forEach((item, i) => {
      out.add(i === 0 ? `[\n${inner}` : `,\n${inner}`)
      if (isPlainContainer(item)) writeValue(out, item, inner)
      else out.add(leafText(item, inner) ?? 'null')
    })
    return out.add(`\n${indent}]`)
  }
  let members = 0
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const text = isPlainContainer(member) ? null : leafText(member, inner)
    // JSON leaves out a member it has no text for (undefined, a function).
    if (text === undefined) continue
    out.add(`${members++ === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `)
    if (text === null) writeValue(out, member, inner)
    else out.add(text)
  }
  out.add(members === 0 ? '{}' : `\n${indent}}`)
}

/**
 * Writes a document as `JSON.stringify(document, null, 2)` plus a line break,
 * byte for byte, in pieces through a FileSink instead of one string of the whole document,
 * and returns the file's size and SHA-256. At 1000x the data the whole-string
 * write left several megabytes of garbage per agreement in V8's old space
 * (the text, its UTF-8 copy), which the heap grew into. The writes are
 * synchronous, as the stringify they replace was.
 */
export async function writePrettyJson(path: string, document: Record<string, unknown> | unknown[]): Promise<FileDigest> {
  await mkdir(dirname(path), { recursive: true })
  const out = new FileSink(path)
  try {
    writeValue(out, document, '')
    out.add('\n')
    return out.finish()
  } finally {
    out.close()
  }
}
