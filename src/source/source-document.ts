import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { normalizeLines, normalizeSpace } from './normalize-text.js'

/** A source text held in memory, addressed by 1-based inclusive line ranges. */
export class SourceDocument {
  readonly lines: readonly string[]
  readonly sha256: string

  constructor(readonly path: string, content: string) {
    this.sha256 = createHash('sha256').update(content).digest('hex')
    const lines = content.split('\n')
    // The published file ends in a newline and a lone space: not a line of text.
    while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop()
    this.lines = lines
  }

  static read(path: string): SourceDocument {
    return new SourceDocument(path, readFileSync(path, 'utf8'))
  }

  get lineCount(): number {
    return this.lines.length
  }

  /** The normalised text of lines start..end (inclusive, 1-based). */
  text(start: number, end: number): string {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start || end > this.lines.length) {
      throw new RangeError(`line range ${start}-${end} is outside 1-${this.lines.length}`)
    }
    return normalizeLines(this.lines.slice(start - 1, end))
  }

  /**
   * Whether the quote occurs verbatim in lines start..end. With `tight`, it must
   * also begin on the first line and end on the last, so the range is exact.
   */
  quotes(quote: string, start: number, end: number, tight = false): boolean {
    const wanted = normalizeSpace(quote)
    if (wanted === '' || !this.text(start, end).includes(wanted)) return false
    if (!tight || start === end) return true
    return !this.text(start + 1, end).includes(wanted) && !this.text(start, end - 1).includes(wanted)
  }
}
