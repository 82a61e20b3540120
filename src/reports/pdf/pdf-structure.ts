/**
 * The logical structure of a tagged PDF, built beside the pdfmake document
 * definition: PdfBlockWriter makes one node per heading, paragraph, list item,
 * table cell, link or figure, and hangs it on the inlines (and the SVG) that
 * show it. After layout, the tagged renderer turns the nodes into the PDF's
 * structure tree, in the order their content first appears.
 */

/** The standard structure types the reports use (ISO 32000-1, 14.8.4). */
export type StructType =
  | 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Caption'
  | 'Figure' | 'Link' | 'TOC' | 'TOCI' | 'Note' | 'Span'

export interface StructOptions {
  /** The text alternative of a figure. */
  alt?: string
  /** A header cell's scope. */
  scope?: 'Column' | 'Row' | 'Both'
  /** The language of a part that is not in the document's language (BCP 47). */
  lang?: string
  /** What a terse mark stands for, read instead of it ("afgeleid jaar" for "*"). */
  actual?: string
}

/** One element of the structure tree, before it is written. */
export class StructNode {
  constructor(readonly type: StructType, readonly parent: StructNode | null, readonly options: StructOptions = {}) {}

  /** A new element under this one. */
  child(type: StructType, options: StructOptions = {}): StructNode {
    return new StructNode(type, this, options)
  }
}

/** The key under which a pdfmake inline or SVG node carries its structure element through layout. */
const TAG = '_oaTag'

/** Marks pdfmake content with its structure element; pdfmake copies unknown keys of inlines into the laid-out lines. */
export function tagged<T extends object>(content: T, node: StructNode): T {
  return Object.assign(content, { [TAG]: node })
}

/** The structure element a laid-out inline or SVG carries, if any. */
export function tagOf(item: unknown): StructNode | undefined {
  return (item as Record<string, StructNode | undefined> | null)?.[TAG]
}
