import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder.js'
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js'
import SVGMeasureModule from 'pdfmake/js/SVGMeasure.js'
import { normalizePageMargin, normalizePageSize } from 'pdfmake/js/PageSize.js'
import { tableLayouts } from 'pdfmake/js/tableLayouts.js'
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js'
import { TaggedRenderer, type PdfKitDocument } from './tagged-renderer.js'

// pdfmake ships CommonJS with a `default` export; loaders differ in whether they unwrap it.
const unwrap = <T>(module: T): T extends { default: infer D } ? D : T => ((module as { default?: unknown }).default ?? module) as never
const LayoutBuilder = unwrap(LayoutBuilderModule)
const PDFDocument = unwrap(PDFDocumentModule)
const SVGMeasure = unwrap(SVGMeasureModule)

/** The info entries that pdfkit copies into the XMP metadata, where it does not escape them. */
const xmpFields = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)

/**
 * pdfkit 0.19 writes the document info into the XMP packet unescaped, so
 * "Dichtbij & Daadkrachtig" makes the packet broken XML, which archives reject.
 * The info is escaped while the packet is written, then put back for the
 * (separately encoded) info dictionary.
 */
function escapeXmpInfo(doc: PdfKitDocument): void {
  const addInfo = doc._addInfo.bind(doc)
  doc._addInfo = () => {
    const original = { ...doc.info }
    for (const field of xmpFields) {
      const value = doc.info[field]
      if (typeof value === 'string') doc.info[field] = escapeXml(value)
    }
    try {
      addInfo()
    } finally {
      Object.assign(doc.info, original)
    }
  }
}

/**
 * Lays out a document with pdfmake's own layout engine and draws it with the
 * TaggedRenderer: the same pages pdfmake makes, with a structure tree, marked
 * content and the document language. This is pdfmake's createPdfKitDocument
 * without URL resolution: the reports load nothing from anywhere.
 */
export async function renderTaggedPdf(
  definition: TDocumentDefinitions, fonts: TFontDictionary, localAccessPolicy: (path: string) => boolean,
): Promise<Buffer> {
  const pageSize = normalizePageSize(definition.pageSize, definition.pageOrientation)
  const info = Object.fromEntries(Object.entries(definition.info ?? {}).filter(([, v]) => v)
    .map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]))
  const doc = new PDFDocument(fonts, {}, {}, {}, {
    size: [pageSize.width, pageSize.height], pdfVersion: definition.version, tagged: true, displayTitle: definition.displayTitle,
    compress: definition.compress ?? true, lang: definition.language, fontLayoutCache: true, bufferPages: false, autoFirstPage: false,
    info, font: null,
  }, null, localAccessPolicy)
  escapeXmpInfo(doc)
  const builder = new LayoutBuilder(pageSize, normalizePageMargin(definition.pageMargins ?? 40), new SVGMeasure())
  builder.registerTableLayouts(tableLayouts)
  const pages = builder.layoutDocument(definition.content, doc, definition.styles ?? {}, definition.defaultStyle ?? {},
    definition.background, definition.header, definition.footer, definition.watermark, definition.pageBreakBefore)
  new TaggedRenderer(doc).renderPages(pages)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
