/** A paragraph of an explanation (its single line breaks kept) or a list of items. */
export type ExplanationBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

const bullet = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/

/**
 * Reads an explanation as editors type it, plain text: a blank line starts a
 * new paragraph, and lines that begin with "-", "*", "•" or "1." are list
 * items. Nothing in it is markup; every surface renders these blocks, so a
 * paragraph or list typed in /beheer or a worksheet is one on the site and in
 * the reports too.
 */
export function explanationBlocks(text: string): ExplanationBlock[] {
  const blocks: ExplanationBlock[] = []
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let open: ExplanationBlock | null = null
    for (const raw of chunk.split('\n')) {
      const line = raw.trim()
      if (line === '') continue
      if (bullet.test(raw)) {
        const item = raw.replace(bullet, '').trim()
        if (open?.kind === 'list') open.items.push(item)
        else blocks.push(open = { kind: 'list', items: [item] })
      } else if (open?.kind === 'paragraph') open.text += `\n${line}`
      else blocks.push(open = { kind: 'paragraph', text: line })
    }
  }
  return blocks
}
