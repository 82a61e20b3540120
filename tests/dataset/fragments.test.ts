import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import { SourceDocument } from '../../src/source/source-document.js'

// db/README.md, inclusion rule 4: a fragment without a main clause completes the sentence before it, so when that
// sentence is an action the fragment is quoted with it. Checked in the source paragraph that holds the action.
const data = readAgreementData(join(projectRoot, 'db/data/assen-2022-2026'), projectRoot)
const source = SourceDocument.read(join(projectRoot, data.agreement.data.source.file))
const actions = [...data.agreement.data.sections.flatMap((s) => s.actions ?? []), ...data.themes.flatMap((t) => t.data.topics.flatMap((p) => p.actions))]

/** The openings of the fragments the text splits off with a full stop (a subordinate clause or a bare phrase). */
const fragment = /^(Met als|Ook richting|Of (het|dat) nu|Bijvoorbeeld|Zelfs als|Ook als|Zeker als|Ook (inwoners|bewoners) die|Waar nodig|Landelijk maar|Uitvoerend|Door (in|te|er)\b)/
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z‘'(])/).filter((s) => s.length > 0)

/** The last line of the paragraph holding `line`: up to a blank line, unless a page break split a sentence there. */
function paragraphEnd(line: number): number {
  let end = line
  while (end < source.lineCount) {
    const next = source.lines[end]!
    if (next.trim() === '') {
      const after = source.lines.slice(end + 1).find((l) => l.trim() !== '')
      if (!after || !/^\s*\p{Ll}/u.test(after)) break
    }
    end++
  }
  return end
}

/** The sentence that follows the action inside its paragraph, or null at the paragraph's end. */
function nextSentence(action: (typeof actions)[number]): string | null {
  const paragraph = source.text(action.lines[0], paragraphEnd(action.lines[1]))
  const at = paragraph.indexOf(action.text)
  if (at < 0) throw new Error(`${action.slug}: quote not found in its paragraph`)
  return sentences(paragraph.slice(at + action.text.length).trim())[0] ?? null
}

describe('fragments after a commitment', () => {
  it('are quoted with the action they complete, never left after it in its paragraph', () => {
    const left = actions.map((a) => [a, nextSentence(a)] as const).filter(([, next]) => next !== null && fragment.test(next))
    expect(left.map(([a, next]) => `${a.slug} (${a.lines.join('-')}) leaves out: ${next}`)).toEqual([])
  })

  it('recognise the fragments the curators quoted (so the pattern still finds what it must)', () => {
    const quoted = actions.filter((a) => sentences(a.text).slice(1).some((s) => fragment.test(s))).map((a) => a.slug)
    expect(quoted).toEqual(expect.arrayContaining(['ruimte-voor-suggesties-raad', 'bouwvraagstukken-kloosterveen-samen-met-provincie', 'experiment-anders-omgaan-met-zorgvragen']))
    expect(quoted.length).toBeGreaterThanOrEqual(12)
  })
})
