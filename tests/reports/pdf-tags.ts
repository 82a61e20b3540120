import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sax from 'sax'

/** Runs poppler's pdfinfo on a PDF (written to a temporary folder) with the given options. */
export function pdfinfo(bytes: Buffer, ...options: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'oa-pdfinfo-'))
  try {
    const file = join(dir, 'report.pdf')
    writeFileSync(file, bytes)
    return execFileSync('pdfinfo', [...options, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface StructElement { type: string; attributes: string[]; text: string; children: StructElement[] }

/**
 * The structure tree as `pdfinfo -struct-text` prints it: element types by indentation, text in quotes. Without
 * text it reads `pdfinfo -struct`, which is much faster: poppler takes seconds per page to extract the text.
 */
export function structTree(bytes: Buffer, withText = true): StructElement {
  const root: StructElement = { type: '(root)', attributes: [], text: '', children: [] }
  const stack: { depth: number; element: StructElement }[] = [{ depth: -1, element: root }]
  for (const line of pdfinfo(bytes, withText ? '-struct-text' : '-struct').split('\n')) {
    if (line.trim() === '') continue
    const depth = line.length - line.trimStart().length
    const body = line.trim()
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop()
    const parent = stack.at(-1)!.element
    if (body.startsWith('"')) {
      for (const s of stack) s.element.text += body.slice(1, -1)
    } else if (body.startsWith('/')) {
      parent.attributes.push(body)
    } else if (!body.startsWith('Object ')) {
      const element: StructElement = { type: body.split(/[\s:]/)[0]!, attributes: [], text: '', children: [] }
      parent.children.push(element)
      stack.push({ depth, element })
    }
  }
  return root
}

/** Every element of a tree, depth first. */
export const allElements = (e: StructElement): StructElement[] => [e, ...e.children.flatMap(allElements)]

/** The XMP packet of a PDF, parsed by a strict XML parser: its text by element name. Throws on malformed XML. */
export function parseXmp(bytes: Buffer): Map<string, string[]> {
  const raw = bytes.toString('utf8')
  const start = raw.indexOf('<x:xmpmeta')
  const end = raw.indexOf('</x:xmpmeta>')
  if (start < 0 || end < 0) throw new Error('no XMP packet')
  const values = new Map<string, string[]>()
  const parser = sax.parser(true, { xmlns: false })
  const open: string[] = []
  parser.onerror = (error) => { throw error }
  parser.onopentag = (tag) => { open.push(tag.name) }
  parser.onclosetag = () => { open.pop() }
  parser.ontext = (text) => {
    if (text.trim() === '') return
    const owner = open.filter((name) => name !== 'rdf:li' && name !== 'rdf:Alt' && name !== 'rdf:Seq').at(-1)!
    values.set(owner, [...values.get(owner) ?? [], text])
  }
  parser.write(raw.slice(start, end + '</x:xmpmeta>'.length)).close()
  return values
}
