import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import { placePattern } from '../../src/store/place-pattern.js'
import { openTestStore } from '../helpers.js'

// The rules of db/README.md that a machine can check: district links, repeated commitments, the whole college.
const data = readAgreementData(join(projectRoot, 'db/data/assen-2022-2026'), projectRoot)
const parts = [
  ...data.agreement.data.sections.map((s) => ({ slug: s.slug, title: s.title, actions: s.actions ?? [] })),
  ...data.themes.flatMap((t) => t.data.topics.map((p) => ({ slug: p.slug, title: p.title, actions: p.actions }))),
]
const actions = parts.flatMap((p) => p.actions.map((a) => ({ ...a, part: p })))
const { sqlite, db } = openTestStore()
afterAll(() => db.destroy())

describe('district links', () => {
  const districts = data.portfolios.data.portfolios.flatMap((p) => p.districts)
  const linked = new Map<string, string[]>()
  for (const row of sqlite.prepare('SELECT action.slug AS action, district.slug AS district FROM action_district JOIN action ON action.id = action_id JOIN district ON district.id = district_id').all() as { action: string; district: string }[]) {
    linked.set(row.action, [...(linked.get(row.action) ?? []), row.district])
  }
  /** The districts a text names, by the district's name or a part of it. */
  const named = (text: string) => districts.filter((d) => [d.name, ...(d.parts ?? []).map((p) => p.name)].some((n) => placePattern(n).test(text))).map((d) => d.slug)

  it('link every action that names a district or one of its parts, in its sentence or its topic\'s title, unless the curators set its districts with a reason', () => {
    const wrong = actions.flatMap((a) => {
      const expected = a.districts ?? [...new Set([...named(a.text), ...named(a.part.title)])]
      const actual = linked.get(a.slug) ?? []
      return [...expected].sort().join() === [...actual].sort().join() ? [] : [`${a.slug}: linked to [${actual}], the rule gives [${expected}]`]
    })
    expect(wrong).toEqual([])
  })

  it('set by hand only with a reason, and never for a sentence the rule reads the same way', () => {
    for (const a of actions.filter((x) => x.districts !== undefined)) {
      expect(a.districts_reason, a.slug).toMatch(/regels? \d+/)
      expect([...new Set([...named(a.text), ...named(a.part.title)])].sort().join(), a.slug).not.toBe([...a.districts!].sort().join())
    }
  })
})

describe('repeated commitments', () => {
  const bySlug = new Map(actions.map((a) => [a.slug, a]))
  const commitmentOf = (slug: string) => bySlug.get(slug)!.same_as ?? slug
  /** Verbs and adverbs too common to mark a repetition ("We zetten stevig in op ...", "We geven een vervolg aan ..."). */
  const common = new Set(['zetten', 'stevig', 'ervoor', 'maximaal', 'geven', 'vervolg', 'bieden', 'richten', 'daarbij', 'zoveel', 'mogelijk'])
  /** A sentence's pairs of adjacent words of six letters or more: the wording a repeated commitment keeps ("nieuwe vormen"). */
  const phrases = (text: string) => {
    const w = (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((x) => x.length >= 4 && !['onze', 'deze', 'voor', 'naar', 'over', 'onder'].includes(x))
    return new Set(w.slice(1).map((x, i) => [w[i]!, x]).filter((pair) => pair.every((x) => x.length >= 6 && !common.has(x))).map((pair) => pair.join(' ')))
  }
  // Pairs that share wording but are different commitments, each with the reason (db/README.md, "Repeated commitments").
  const distinct: Record<string, string> = {
    'beroep-op-inwoners-ondernemers-en-instellingen|ja-mits-voor-initiatieven-inwoners-en-ondernemers': 'Een oproep aan de stad en de steun aan initiatieven onder de Omgevingswet zijn verschillende daden.',
    'preventie-via-wijkgerichte-aanpak|wijkgerichte-aanpak-opgaven': 'Preventie is een eigen opgave met eigen geld (de preventiereserve); de wijkgerichte aanpak is het middel.',
    'dienstverlening-dichter-bij-inwoners-in-wijken|sportactiviteiten-dichtbij-in-de-wijken': 'Dienstverlening en sportactiviteiten zijn verschillende voorzieningen.',
    'beschermen-gegevens-tegen-digitale-aanvallen|investeren-in-gemeentelijke-organisatie': 'Digitale veiligheid en investeren in de organisatie zijn verschillende daden.',
    'plek-voor-kunstenaars|ruimte-voor-initiatieven-havenkwartier': 'Verschillende groepen (kunstenaars; jongeren, cultuur en horeca in het Havenkwartier).',
    'gesprek-partijen-wielerbaan-en-terugkoppeling-raad|vroegsignalering-met-partners-uitbreiden': 'Verschillende onderwerpen (de wielerbaan; schulden en armoede).',
    'initiatieven-trz-faciliteren|zorgvoorzieningen-eerst-bespreken-met-wijk': 'Verschillende initiatieven (toerisme in de TRZ; zorgvoorzieningen in een wijk).',
    'versnellen-woningbouw|versnellen-woningbouw-kloosterveen': 'Kloosterveen is een eigen toezegging met eigen doelen (500 woningen, het tweede deel).',
    'nieuwbouw-deels-voor-sociale-huur|woonvisie-3000-woningen-als-minimum': 'Het aantal nieuwe woningen en het aandeel sociale huur zijn twee doelen.',
  }

  it('link a sentence that says how the action before it is done ("Dit doen we ...", "We doen dit ...") to that action\'s commitment', () => {
    const wrong = parts.flatMap((p) => p.actions.slice(1).flatMap((a, i) => {
      if (!/^(Dit|Dat) doen we\b|^We doen dit\b/.test(a.text)) return []
      return a.same_as === commitmentOf(p.actions[i]!.slug) ? [] : [`${a.slug} restates ${p.actions[i]!.slug} but is not linked to it`]
    }))
    expect(wrong).toEqual([])
  })

  it('link, or list as distinct with a reason, every two actions that share a phrase', () => {
    const pairs: string[] = []
    for (const [i, a] of actions.entries()) {
      for (const b of actions.slice(i + 1)) {
        const pb = phrases(b.text)
        if (![...phrases(a.text)].some((run) => pb.has(run))) continue
        if (commitmentOf(a.slug) === commitmentOf(b.slug)) continue
        const key = [a.slug, b.slug].sort().join('|')
        if (!distinct[key]) pairs.push(`${a.slug} / ${b.slug}`)
      }
    }
    expect(pairs).toEqual([])
    for (const key of Object.keys(distinct)) {
      const [a, b] = key.split('|') as [string, string]
      const pb = phrases(bySlug.get(b)!.text)
      expect([...phrases(bySlug.get(a)!.text)].some((run) => pb.has(run)), `${key} no longer shares a phrase`).toBe(true)
      expect(commitmentOf(a), key).not.toBe(commitmentOf(b))
    }
  })

  it('point to the first statement, which is no copy itself, and give the reason', () => {
    const order = new Map(actions.map((a, i) => [a.slug, i]))
    for (const a of actions.filter((x) => x.same_as)) {
      const canonical = bySlug.get(a.same_as!)!
      expect(canonical.same_as, a.slug).toBeUndefined()
      expect(order.get(canonical.slug)!, a.slug).toBeLessThan(order.get(a.slug)!)
      expect(a.same_as_reason, a.slug).toMatch(/regels? \d+/)
    }
  })

  it('are counted apart from sentences in the store: 185 sentences, 173 distinct commitments', () => {
    expect(sqlite.prepare('SELECT count(*) FROM action').pluck().get()).toBe(185)
    expect(sqlite.prepare('SELECT count(*) FROM action WHERE same_as_id IS NULL').pluck().get()).toBe(173)
    expect(sqlite.prepare('SELECT count(*) FROM action a JOIN action c ON c.id = a.same_as_id WHERE c.same_as_id IS NOT NULL OR c.position >= a.position').pluck().get()).toBe(0)
  })
})

describe('the college as a whole', () => {
  it('carries the agreements with the council, the appeal to the city, the college\'s own working style and the mid-term evaluation', () => {
    const college = actions.filter((a) => a.college).map((a) => a.slug)
    const everyOf = (section: string) => parts.find((p) => p.slug === section)!.actions.map((a) => a.slug)
    expect(college).toEqual(expect.arrayContaining([...everyOf('ruimte-voor-de-raad'), ...everyOf('uitnodiging'),
      'maandelijks-wijkbezoek', 'maandagochtend-stad-in-stadhuis', 'werken-met-wijkwethouders', 'tussentijdse-evaluatie-bestuursprogramma']))
    expect(college).toHaveLength(12)
  })

  it('names no alderman for its actions, in the data and in the store, and says why', () => {
    for (const a of actions.filter((x) => x.college)) expect(a.responsible ?? [], a.slug).toEqual([])
    expect(sqlite.prepare('SELECT count(*) FROM action JOIN action_portfolio ON action_id = action.id WHERE whole_college = 1').pluck().get()).toBe(0)
    expect(sqlite.prepare('SELECT count(*) FROM action WHERE whole_college = 1 AND responsible_note IS NOT NULL').pluck().get()).toBe(12)
  })

  it('is the only reason a note gives for the college: a note that speaks of the college as a whole marks a whole-college action', () => {
    const noted = sqlite.prepare(`SELECT slug FROM action WHERE responsible_note LIKE '%college als geheel%' AND whole_college = 0`).pluck().all()
    expect(noted).toEqual([])
  })
})
