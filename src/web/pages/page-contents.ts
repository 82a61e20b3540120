import type { Block, HeadingBlock } from '../../reports/report-model.js'
import { html, type SafeHtml } from '../html.js'

/** An entry of a page's contents: an anchor on the page, with the entries under it. */
export interface ContentsEntry {
  id: string
  text: string
  children?: ContentsEntry[]
}

/** The report headings a reader navigates by (those the report lists in its own contents), nested by level. */
export function headingEntries(blocks: readonly Block[]): ContentsEntry[] {
  const headings = blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc)
  const top = Math.min(...headings.map((h) => h.level))
  const entries: ContentsEntry[] = []
  for (const h of headings) {
    const entry = { id: h.id, text: h.text }
    const parent = entries.at(-1)
    if (h.level > top && parent) (parent.children ??= []).push(entry)
    else entries.push(entry)
  }
  return entries
}

/**
 * "Op deze pagina": links to the sections of a long page, as a navigation
 * landmark of its own. Nothing for a page of fewer than three sections, which
 * a reader takes in at a glance.
 */
export function pageContents(entries: readonly ContentsEntry[]): SafeHtml | '' {
  if (entries.length + entries.reduce((n, e) => n + (e.children?.length ?? 0), 0) < 3) return ''
  const list = (items: readonly ContentsEntry[]): SafeHtml =>
    html`<ol>${items.map((e) => html`<li><a href="#${e.id}">${e.text}</a>${e.children?.length ? list(e.children) : ''}</li>`)}</ol>`
  return html`<nav class="page-contents" aria-labelledby="op-deze-pagina"><h2 id="op-deze-pagina">Op deze pagina</h2>${list(entries)}</nav>`
}
