import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'

// db/README.md, Targets: one end-of-term date for every target that refers to the term, and each other date read
// from its own wording.
const data = readAgreementData(join(projectRoot, 'db/data/assen-2022-2026'), projectRoot)
const actions = [...data.agreement.data.sections.flatMap((s) => s.actions ?? []), ...data.themes.flatMap((t) => t.data.topics.flatMap((p) => p.actions))]
const targets = actions.flatMap((a) => a.targets ?? [])
/** Wording that refers to the council term: "deze raadsperiode", "binnen vier jaar", "de komende vier jaar". */
const termWording = /\braadsperiode\b|\bvier jaar\b/

describe('the end of the term', () => {
  it('is one date, the elections of 18 March 2026, for every target whose deadline is the end of the term', () => {
    const termEnds = targets.filter((t) => t.deadline_kind === 'term_end')
    expect(termEnds.map((t) => t.slug)).toEqual(['besluit-buitenzwembad-deze-raadsperiode', 'minimaal-500-woningen-kloosterveen-opgeleverd', 'start-tweede-deel-kloosterveen'])
    expect(new Set(termEnds.map((t) => t.deadline))).toEqual(new Set(['2026-03-18']))
  })

  it('is the deadline of every target whose words refer to the term, and of no other', () => {
    for (const t of targets) {
      expect(t.deadline_kind === 'term_end', `${t.slug}: "${t.text}"`).toBe(termWording.test(t.text))
    }
  })

  it('leaves a date set by other words ("in 2030") to those words, with the line that sets it', () => {
    for (const t of targets.filter((x) => x.deadline !== null && x.deadline_kind !== 'term_end')) {
      expect(t.date_reading!.reason, t.slug).toMatch(/regels? \d+/)
      expect(termWording.test(t.text), t.slug).toBe(false)
    }
  })
})
