/**
 * The report model: one document tree per report, built from the read model
 * and rendered twice (PDF and HTML). It holds content and structure only;
 * how it looks is the renderers' and the theme's business.
 */

/** The kinds of report, in the order they are offered. */
export const reportTypes = ['full', 'theme', 'portfolio', 'district', 'budget', 'progress'] as const
export type ReportType = (typeof reportTypes)[number]

export type ReportFormat = 'pdf' | 'html'

/** A run of text with one style. `lang` marks text in another language than Dutch. */
interface Inline {
  text: string
  strong?: boolean
  em?: boolean
  /** A reference mark such as a note number: rendered raised. */
  sup?: boolean
  lang?: string
  href?: string
  /** What a screen reader should say instead of a terse mark: "afgeleid jaar" for "*". */
  alt?: string
  /** A commitment quoted inside running text: shown highlighted, in place. */
  mark?: boolean
}

export type RichText = Inline[]

export interface HeadingBlock {
  kind: 'heading'
  /** 1 is a chapter; levels below follow without gaps. */
  level: 1 | 2 | 3
  text: string
  /** Unique within the report: anchor in HTML, destination in PDF. */
  id: string
  /** Listed in the table of contents and the PDF bookmarks. */
  toc: boolean
  /** The section under this heading is short: print it on one page. */
  keepTogether?: boolean
  /** A chapter that starts on a new page in print, whatever the report's rule (after a one-page summary). */
  newPage?: boolean
}

interface ParagraphBlock {
  kind: 'paragraph'
  content: RichText
  variant?: 'lead' | 'note'
}

export interface ListItem {
  content: RichText
  /** Smaller lines under the item: kind, targets, responsible alderman. */
  details?: RichText[]
}

export interface ListBlock {
  kind: 'list'
  ordered: boolean
  items: ListItem[]
  /** The number of the first item of an ordered list. */
  start?: number
  /** commitments: the details of the numbered commitments in the paragraph above, set small. */
  variant?: 'commitments'
}

/** A highlighted passage with its own heading, such as a theme's "Assen in 2030" vision. */
export interface CalloutBlock {
  kind: 'callout'
  heading: HeadingBlock
  content: RichText
}

/** Term and value pairs: an alderman's details, the colophon. */
export interface FactsBlock {
  kind: 'facts'
  items: { term: string; value: RichText }[]
}

interface TableColumn {
  header: string
  align: 'left' | 'right'
  /**
   * Width in the PDF: points, '*' for the room left, or 'auto' for the widest
   * cell's text (amounts, which never wrap). The HTML lets the browser decide.
   */
  width: number | '*' | 'auto'
}

export interface TableCell {
  content: RichText
}

export interface TableRow {
  /** group: a heading row spanning the table (a budget category); subtotal and total are emphasised. */
  kind: 'body' | 'group' | 'subtotal' | 'total'
  /** The first cell is the row's header (th scope="row" in HTML). */
  cells: TableCell[]
}

export interface TableBlock {
  kind: 'table'
  caption: string
  columns: TableColumn[]
  rows: TableRow[]
  notes?: RichText[]
  /** Printed with tight rows, for a summary that must fit on one page. */
  compact?: boolean
}

interface BarChartBar {
  label: string
  value: number
  valueLabel: string
}

/** A bar chart; the renderers draw it as SVG with real text and show its data as a table too. */
export interface ChartBlock {
  kind: 'chart'
  title: string
  /** The text alternative: what the chart shows, in words. */
  description: string
  bars: BarChartBar[]
  /** Gridline values and their labels, lowest first. */
  ticks: { value: number; label: string }[]
  data: TableBlock
  /** Printed low, for a summary that must fit on one page. */
  compact?: boolean
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | CalloutBlock | FactsBlock | TableBlock | ChartBlock

export interface Cover {
  municipality: string
  title: string
  subtitle: string
  /** What this report is: "Volledig akkoord", "Thema", "Wijk"... */
  kicker: string
  /** The report's own name: "Wonen", "Pittelo", "Jan Broekema"... */
  name: string
  facts: { term: string; value: string }[]
}

interface ReportMeta {
  title: string
  author: string
  subject: string
  keywords: string[]
  /** BCP 47, for the PDF catalogue. */
  language: string
  /** Fixed creation and modification date: the data version, so the same data gives the same bytes. */
  date: Date
}

export interface Report {
  type: ReportType
  slug: string | null
  agreementSlug: string
  dataVersion: string
  /** The download name without extension. */
  fileName: string
  /** The public address of the site the report belongs to, without a trailing slash: the HTML links back to it. */
  siteUrl: string
  meta: ReportMeta
  /** The running header of the PDF pages. */
  runningHeader: string
  /** The footer's text beside the page number; by default the agreement and its data version. */
  footerText?: string
  cover: Cover
  body: Block[]
}
