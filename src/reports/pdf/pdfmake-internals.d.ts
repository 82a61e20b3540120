/**
 * The parts of pdfmake 0.3 the tagged printer builds on: its layout engine,
 * its pdfkit document and its page renderer. pdfmake publishes no types for
 * them; these declarations cover what tagged-printer.ts and tagged-renderer.ts use.
 */
declare module 'pdfmake/js/LayoutBuilder.js' {
  const LayoutBuilder: { default: new (pageSize: unknown, pageMargins: unknown, svgMeasure: unknown) => {
    registerTableLayouts(layouts: unknown): void
    layoutDocument(content: unknown, pdfDocument: unknown, styles: unknown, defaultStyle: unknown, background: unknown,
      header: unknown, footer: unknown, watermark: unknown, pageBreakBefore: unknown): PdfmakePage[]
  } }
  export default LayoutBuilder
}
declare module 'pdfmake/js/PDFDocument.js' {
  const PDFDocument: { default: new (fonts: unknown, images: unknown, patterns: unknown, attachments: unknown, options: unknown,
    virtualfs: unknown, localAccessPolicy: unknown) => import('./tagged-renderer.js').PdfKitDocument }
  export default PDFDocument
}
declare module 'pdfmake/js/SVGMeasure.js' {
  const SVGMeasure: { default: new () => unknown }
  export default SVGMeasure
}
declare module 'pdfmake/js/Renderer.js' {
  const Renderer: { default: new (pdfDocument: unknown, progressCallback?: unknown) => import('./tagged-renderer.js').PdfmakeRenderer }
  export default Renderer
}
declare module 'pdfmake/js/PageSize.js' {
  export function normalizePageSize(pageSize: unknown, orientation: unknown): { width: number; height: number }
  export function normalizePageMargin(margin: unknown): unknown
}
declare module 'pdfmake/js/tableLayouts.js' {
  export const tableLayouts: Record<string, unknown>
}

/** A page as pdfmake's layout leaves it: the items to draw, in order. */
interface PdfmakePage {
  pageSize: { width: number; height: number }
  items: { type: string; item: any }[]
  watermark?: unknown
}
