import { explanationBlocks } from '../../reports/progress/explanation-blocks.js'
import { html, type SafeHtml } from '../html.js'

/** An explanation as paragraphs and lists; its single line breaks are kept by the `explanation` style (pre-line). */
export function explanationHtml(text: string): SafeHtml {
  return html`<div class="explanation">${explanationBlocks(text).map((block) => block.kind === 'paragraph'
    ? html`<p>${block.text}</p>` : html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`)}</div>`
}
