import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import type { ActionData } from '../../src/data/data-schema.js'

// The inclusion rule of db/README.md, checked against every topic and governance section.
const dir = join(projectRoot, 'db/data/assen-2022-2026')
const data = readAgreementData(dir, projectRoot)
const review = parse(readFileSync(join(dir, 'non-commitments.yaml'), 'utf8')) as {
  classes: Record<string, string>
  sentences: { in: string; class: string; text: string }[]
}
const rules = data.rules.data.rules.map((r) => r.text)
const parts: { slug: string; text: string; actions: readonly ActionData[] }[] = [
  ...data.agreement.data.sections.filter((s) => s.kind.startsWith('governance')).map((s) => ({ slug: s.slug, text: s.text, actions: s.actions ?? [] })),
  ...data.themes.flatMap((t) => t.data.topics),
]
const actions = parts.flatMap((p) => p.actions)

/** A text's sentences: split after . ! ? before a capital, and at the bullets of the rules. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z‘'(•])|\s*•\s+/).filter((s) => s.length > 0)
/** The form of a commitment: the college ("we", "wij", "het college") is the subject. */
const commitmentForm = /(^|[^\p{L}])(we|wij)(?!\p{L})|het college/iu

describe('the inclusion rule', () => {
  it('takes every sentence with the form of a commitment as an action, a rule, or a reviewed exception with its class', () => {
    const unreviewed = parts.flatMap((p) => sentences(p.text)
      .filter((s) => commitmentForm.test(s))
      .filter((s) => !p.actions.some((a) => a.text.includes(s)) && !rules.some((r) => r.includes(s)))
      .filter((s) => !review.sentences.some((e) => e.in === p.slug && e.text === s))
      .map((s) => `${p.slug}: ${s}`))
    expect(unreviewed).toEqual([])
  })

  it('lists only exceptions that are sentences of their topic or section, not actions, each with a known class', () => {
    for (const e of review.sentences) {
      const part = parts.find((p) => p.slug === e.in)
      expect(part, e.in).toBeTruthy()
      expect(sentences(part!.text), e.text).toContain(e.text)
      expect(part!.actions.some((a) => a.text.includes(e.text)), e.text).toBe(false)
      expect(review.classes[e.class], `${e.text}: class ${e.class}`).toMatch(/^.{20,}$/)
    }
  })

  it('takes no statement of value, principle, attention, openness, aim or norm for an action', () => {
    const markers = [/\bvinden (we|wij)\b/i, /\bstaa?n? (we |wij )?open voor\b/i, /\b(we|wij) willen\b|\bwillen (we|wij)\b/i,
      /\b(hebben|heeft|geven) (\p{L}+ )?(aandacht|oog)\b|\baandacht geven\b|\boog voor\b/iu, /\bgaan (we|wij) uit van\b/i, /\bvertrekpunt\b/i, /\bmoet(en)?\b/i]
    // A conditional promise to act is a commitment despite its "willen" (see db/README.md).
    const reviewed = new Set(['mede-investeren-tt-museum'])
    const wrong = actions.filter((a) => !reviewed.has(a.slug) && markers.some((m) => m.test(a.text))).map((a) => `${a.slug}: ${a.text}`)
    expect(wrong).toEqual([])
  })
})

describe('kinds and the budget table', () => {
  const funded = data.budget.data.categories.flatMap((c) => c.budget_lines.flatMap((l) => l.actions.map((slug) => ({ slug, category: c.slug, line: l.name }))))
  const kindOf = new Map(actions.map((a) => [a.slug, a.kind]))

  it('types an action the table funds as existing policy (continued, made structural, intensified) never as new', () => {
    const wrong = funded.filter((f) => f.category !== 'nieuw-beleid' && kindOf.get(f.slug) === 'new').map((f) => `${f.slug} (${f.line})`)
    expect(wrong).toEqual([])
  })

  it('types an action funded by a line the table calls an intensivering as intensify', () => {
    const wrong = funded.filter((f) => (f.category === 'intensivering-bestaand-beleid' || /intensivering/.test(f.line)) && kindOf.get(f.slug) !== 'intensify')
    expect(wrong.map((f) => `${f.slug}: ${kindOf.get(f.slug)}`)).toEqual([])
  })

  it('types "zich inzetten voor / inzetten op" as advocate towards another government, otherwise as intensify', () => {
    const phrased = actions.filter((x) => /\bzet(ten)? (ons |er |ons er |ons ervoor )?(\p{L}+ )?in\b|\binzetten\b/u.test(x.text) && !/\bzetten (we )?(waar mogelijk )?in\.$/.test(x.text))
    expect(phrased.length).toBeGreaterThanOrEqual(8)
    for (const a of phrased) {
      expect(a.kind, `${a.slug}: ${a.text}`).toBe(/\b(Rijk|provincie)\b/.test(a.text) ? 'advocate' : 'intensify')
    }
  })
})

describe('targets', () => {
  const targets = actions.flatMap((a) => a.targets ?? [])
  const words: Record<string, number> = { een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, tien: 10 }

  it('hold a value only where the quote holds that number', () => {
    for (const t of targets.filter((x) => x.value !== null)) {
      const v = t.value!
      const forms = [String(v), v.toLocaleString('nl-NL'), `${v}%`, ...(v % 1_000_000 === 0 ? [`${v / 1_000_000} miljoen`] : []),
        ...Object.entries(words).filter(([, n]) => n === v).map(([w]) => w)]
      expect(forms.some((f) => t.text.includes(f)), `${t.slug}: ${v} in "${t.text}"`).toBe(true)
    }
  })

  it('say how every date was read, and mark each derived one with a reason that cites the text', () => {
    for (const t of targets.filter((x) => x.deadline !== null || x.start_date !== null)) {
      expect(t.date_reading, t.slug).toBeDefined()
      expect(t.date_reading!.reason, t.slug).toMatch(/regels? \d+/)
    }
    const bySlug = new Map(targets.map((t) => [t.slug, t]))
    expect(bySlug.get('besluit-buitenzwembad-deze-raadsperiode')).toMatchObject({ deadline: '2026-03-18', deadline_kind: 'term_end', date_reading: { inferred: true } })
    expect(bySlug.get('evaluatie-bestuursprogramma-na-twee-jaar')).toMatchObject({ deadline: null, start_date: '2024-06-16', date_reading: { inferred: true } })
  })

  it('give every recurring commitment of the governance part its frequency', () => {
    const recurring = targets.filter((t) => t.frequency).map((t) => [t.slug, t.frequency!.count, t.frequency!.per])
    expect(recurring).toEqual([
      ['wijkbezoek-elke-maand', 1, 'month'], ['stad-in-stadhuis-elke-maandagochtend', 1, 'week'], ['gesprek-raad-college-twee-keer-per-jaar', 2, 'year'],
    ])
  })
})
