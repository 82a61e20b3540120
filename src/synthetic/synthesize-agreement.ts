import type { LoadedAgreement } from '../build/build-database.js'
import { seededRandom } from './seeded-random.js'

/** The council periods a national-scale dataset spans: three per municipality. */
const periods = [2018, 2022, 2026] as const

/**
 * A synthetic agreement shaped exactly like the real one (same sections, themes,
 * topics, actions, budget, portfolios), for a numbered municipality and period.
 * Texts are varied by swapping words drawn from the agreement's own vocabulary,
 * and budget amounts are scaled, so search and sums see realistic spread. Every
 * reference stays consistent, so the result builds like curated data (without
 * the quote checks: its texts are not in any source).
 */
function synthesizeAgreement(base: LoadedAgreement, municipality: number, period: number, random: () => number, vocabulary: readonly string[]): LoadedAgreement {
  const data = structuredClone(base.data)
  const a = data.agreement.data
  const name = `Gemeente ${String(municipality).padStart(4, '0')}`
  a.slug = `gemeente-${String(municipality).padStart(4, '0')}-${period}-${period + 4}`
  a.municipality = name
  a.title = `${base.data.agreement.data.title} ${name}`
  a.subtitle = `Bestuursakkoord ${period}-${period + 4}`
  a.period = { start: period, end: period + 4 }
  a.presented_on = `${period}-06-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
  const vary = (text: string) => text.split(' ').map((word) => (random() < 0.15 ? vocabulary[Math.floor(random() * vocabulary.length)]! : word)).join(' ')
  for (const theme of data.themes) {
    for (const topic of theme.data.topics) {
      topic.text = vary(topic.text)
      for (const action of topic.actions) action.text = vary(action.text)
    }
  }
  const factor = 0.5 + random()
  const totals: Record<string, number> = {}
  for (const category of data.budget.data.categories) {
    for (const line of category.budget_lines) {
      for (const year of Object.keys(line.amounts)) {
        const amount = Math.round((line.amounts[year]! * factor) / 1000) * 1000
        line.amounts[year] = amount
        totals[year] = (totals[year] ?? 0) + amount
      }
    }
  }
  data.budget.data.totals.amounts = totals
  return { data, source: base.source }
}

/** The words of the real agreement's actions and topics, to vary synthetic texts with. */
function vocabularyOf(base: LoadedAgreement): string[] {
  const words = new Set<string>()
  for (const theme of base.data.themes) for (const topic of theme.data.topics) for (const word of topic.text.split(' ')) if (/^\p{L}{4,}$/u.test(word)) words.add(word)
  return [...words].sort()
}

/**
 * The real agreements followed by `count` synthetic ones, generated lazily so a
 * thousand agreements never sit in memory at once.
 */
export function* nationalDataset(real: readonly LoadedAgreement[], count: number, seed: number): Generator<LoadedAgreement> {
  yield* real
  const base = real[0]!
  const random = seededRandom(seed)
  const vocabulary = vocabularyOf(base)
  for (let i = 0; i < count; i++) yield synthesizeAgreement(base, 1 + Math.floor(i / periods.length), periods[i % periods.length]!, random, vocabulary)
}
