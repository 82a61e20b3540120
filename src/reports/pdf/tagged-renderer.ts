import RendererModule from 'pdfmake/js/Renderer.js'
import { type StructNode, tagOf } from './pdf-structure.js'

/** The pdfkit calls the tagged renderer makes (pdfkit 0.19's marked content and structure API). */
export interface PdfKitDocument {
  page: { dictionary: { data: Record<string, unknown> } }
  info: Record<string, unknown>
  struct(type: string, options?: object): PdfKitStructElement
  addStructure(element: PdfKitStructElement): unknown
  markContent(tag: string, options?: object | null): unknown
  markStructureContent(tag: string, options?: object): unknown
  endMarkedContent(): unknown
  link(x: number, y: number, w: number, h: number, url: string, options?: object): unknown
  goTo(x: number, y: number, w: number, h: number, name: string, options?: object): unknown
  on(event: string, listener: (...args: any[]) => void): unknown
  end(): void
  _addInfo(): void
}

export interface PdfKitStructElement {
  dictionary: { data: Record<string, unknown> }
  add(child: unknown): unknown
  end(): void
}

/** The methods of pdfmake's Renderer the tagged renderer calls around. */
export interface PdfmakeRenderer {
  pdfDocument: PdfKitDocument
  renderLine(line: any, x: number, y: number): void
  renderVector(vector: any): void
  renderImage(image: any): void
  renderSVG(svg: any): void
  renderAttachment(attachment: any): void
  beginClip(rect: any): void
  endClip(): void
  beginVerticalAlignment(item: any): void
  endVerticalAlignment(item: any): void
  renderWatermark(page: PdfmakePage): void
}

// pdfmake ships CommonJS with a `default` export; loaders differ in whether they unwrap it.
const Renderer = ((RendererModule as { default?: unknown }).default ?? RendererModule) as new (doc: unknown) => PdfmakeRenderer

/** Inline fields that make pdfkit draw a link annotation; the renderer draws those itself, inside the Link element. */
interface LinkInline { link?: string | null; linkToDestination?: string | null; text: string; x: number; width: number }

/**
 * pdfmake's renderer, writing a tagged PDF. Every item of a laid-out page is
 * drawn inside marked content: a line's runs under the structure element their
 * inlines carry (a line with a link is drawn in parts), a chart under its
 * Figure, and everything else (running header and footer, rules, fills, list
 * markers, table heading rows repeated on a later page) as an artifact. The
 * structure elements are created as their content first appears, so the tree
 * follows the reading order of the pages.
 */
export class TaggedRenderer extends Renderer {
  private readonly elements = new Map<StructNode, PdfKitStructElement>()
  private readonly root: PdfKitStructElement
  private readonly seenRuns = new Set<unknown>()
  private pageLinks: PdfKitStructElement[] = []

  constructor(doc: PdfKitDocument) {
    super(doc)
    this.root = doc.struct('Document')
    doc.addStructure(this.root)
  }

  renderPages(pages: PdfmakePage[]): void {
    const doc = this.pdfDocument as PdfKitDocument & { addPage(options: object): void }
    for (const page of pages) {
      doc.addPage({ size: [page.pageSize.width, page.pageSize.height] })
      // Screen readers and keyboards move through the links in structure order.
      doc.page.dictionary.data.Tabs = 'S'
      for (const { type, item } of page.items) {
        switch (type) {
          case 'line': this.line(item, item.x, item.y); break
          case 'svg': this.figure(item); break
          case 'vector': this.artifact('Layout', () => this.renderVector(item)); break
          case 'image': this.artifact('Layout', () => this.renderImage(item)); break
          case 'attachment': this.renderAttachment(item); break
          // Clipping and alignment paint nothing: they stay outside marked content.
          case 'beginClip': this.beginClip(item); break
          case 'endClip': this.endClip(); break
          case 'beginVerticalAlignment': this.beginVerticalAlignment(item); break
          case 'endVerticalAlignment': this.endVerticalAlignment(item); break
        }
      }
      if (page.watermark) this.artifact('Pagination', () => this.renderWatermark(page))
      // A link's annotation is written with the page it is on.
      for (const link of this.pageLinks.splice(0)) link.end()
    }
  }

  /** The PDF structure element of a node, made (with its ancestors) on first use. */
  private element(node: StructNode): PdfKitStructElement {
    let element = this.elements.get(node)
    if (!element) {
      const { alt, scope, lang, actual } = node.options
      element = this.pdfDocument.struct(node.type, { ...(alt ? { alt } : {}), ...(lang ? { lang } : {}), ...(scope ? { scope } : {}), ...(actual ? { actual } : {}) })
      ;(node.parent ? this.element(node.parent) : this.root).add(element)
      this.elements.set(node, element)
    }
    return element
  }

  private artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.pdfDocument.markContent('Artifact', { type })
    draw()
    this.pdfDocument.endMarkedContent()
  }

  private marked(node: StructNode, draw: () => void): PdfKitStructElement {
    const element = this.element(node)
    const content = this.pdfDocument.markStructureContent(node.type)
    draw()
    this.pdfDocument.endMarkedContent()
    element.add(content)
    return element
  }

  /** A line in runs of inlines with the same structure element; untagged runs and repeated heading rows are artifacts. */
  private line(line: any, x: number, y: number): void {
    const inlines: any[] = line.inlines
    // A table's heading rows repeated on the next page are clones sharing the first rendering's inlines.
    const repeated = this.seenRuns.has(inlines)
    this.seenRuns.add(inlines)
    const runs: { node: StructNode | undefined; inlines: any[] }[] = []
    for (const inline of inlines) {
      const node = repeated ? undefined : tagOf(inline)
      if (runs.length > 0 && runs.at(-1)!.node === node) runs.at(-1)!.inlines.push(inline)
      else runs.push({ node, inlines: [inline] })
    }
    const height = line.getHeight()
    const ascender = line.getAscenderHeight()
    runs.forEach((run, i) => {
      const isLink = run.node?.type === 'Link'
      const part = Object.create(line)
      part.inlines = isLink ? run.inlines.map((inline: LinkInline) => ({ ...inline, link: null, linkToDestination: null })) : run.inlines
      // Heights come from the whole line, so the parts share one baseline.
      part.getHeight = () => height
      part.getAscenderHeight = () => ascender
      if (i > 0) Object.assign(part, { _outline: undefined, _pageNodeRef: undefined, id: undefined })
      const draw = () => this.renderLine(part, x, y)
      if (!run.node) return this.artifact('Pagination', draw)
      const element = this.marked(run.node, draw)
      if (isLink) this.annotateLinks(element, run.inlines as LinkInline[], part.inlines as LinkInline[], x, y, height)
    })
  }

  /**
   * The link annotations of a Link element's run, one per stretch of the line with one target, each tied to
   * the element (an OBJR) so assistive technology finds it.
   */
  private annotateLinks(element: PdfKitStructElement, inlines: LinkInline[], drawn: LinkInline[], x: number, y: number, height: number): void {
    const target = (inline: LinkInline) => inline.link ?? inline.linkToDestination ?? null
    let from = 0
    inlines.forEach((inline, i) => {
      const next = inlines[i + 1]
      if (next && target(next) === target(inline)) return
      const first = drawn[from]!, last = drawn[i]!
      const text = drawn.slice(from, i + 1).map((d) => d.text).join('').trim()
      const [left, width] = [x + first.x, last.x + last.width - first.x]
      const options = { structParent: element, Contents: new String(text) }
      if (inline.link) this.pdfDocument.link(left, y, width, height, inline.link, options)
      else if (inline.linkToDestination) this.pdfDocument.goTo(left, y, width, height, inline.linkToDestination, options)
      from = i + 1
    })
    this.pageLinks.push(element)
  }

  private figure(svg: any): void {
    const node = tagOf(svg)
    if (node) this.marked(node, () => this.renderSVG(svg))
    else this.artifact('Layout', () => this.renderSVG(svg))
  }
}
