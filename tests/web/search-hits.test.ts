import { describe, expect, it } from 'vitest'
import { searchTerms } from '../../src/read-model/search-records.js'
import { looksLikeTable, makeSnippet } from '../../src/search/search-snippet.js'
import { shortTitle } from '../../src/web/search-hits.js'

const table = 'Financiële doorrekening 2023 2024 2025 2026 realisatie basisbanen 150 150 150 150 meedoenbeleid 300 300 300 300 ' +
  'uitvoering Sportakkoord 250 250 bewegen, ontmoeten, sporten en spelen (BOSS) 275 275 275 onderzoek openluchtzwembad 200 onderzoek mileupark 200'

describe('search snippets and titles that read well', () => {
  it('shows the matching row of a flattened table, not a window of other rows\' numbers', () => {
    expect(looksLikeTable(table)).toBe(true)
    const terms = searchTerms('openluchtzwembad')
    const snippet = makeSnippet(table, [...terms.words, ...terms.stems])
    expect(snippet.text).toBe('…onderzoek openluchtzwembad 200…')
    expect(snippet.html).toBe('…onderzoek <mark>openluchtzwembad</mark> 200…')
  })

  it('keeps the ordinary window for prose', () => {
    const prose = 'Een buitenzwembad is een mooie aanwinst voor Assen. We doen nu vooronderzoek naar de haalbaarheid.'
    expect(looksLikeTable(prose)).toBe(false)
    expect(makeSnippet(prose, ['assen']).html).toBe('Een buitenzwembad is een mooie aanwinst voor <mark>Assen</mark>. We doen nu vooronderzoek naar de haalbaarheid.')
  })

  it('titles a commitment by its first sentence, cut at a word', () => {
    expect(shortTitle('We doen nu vooronderzoek naar de haalbaarheid. Ook gaan we in gesprek.')).toBe('We doen nu vooronderzoek naar de haalbaarheid.')
    const long = 'Ook bieden we de kans om in Kloosterveen te experimenteren met circulair bouwen en alternatieve toekomstbestendige woonconcepten en voorzieningen.'
    const title = shortTitle(long)
    expect(title.length).toBeLessThanOrEqual(111)
    expect(title).toMatch(/ alternatieve…$/)
  })
})
