import { SafeHtml } from './html.js'

/**
 * The text of a `<style>` element. CSS inside `<style>` is raw text: HTML
 * entities are not decoded there, so HTML-escaping a value (`&quot;Segoe UI&quot;`)
 * makes it invalid CSS. Only `<` can end the element early (`</style>`), and
 * CSS has its own escape for it (`\3c `), which keeps every value as written.
 */
export function styleText(css: string): SafeHtml {
  return new SafeHtml(css.replace(/</g, '\\3c '))
}
