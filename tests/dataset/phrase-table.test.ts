import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import type { ActionKind } from '../../src/store/database.js'

// The phrase table of db/README.md ("Each action has a kind"), as patterns: the wording of an action the budget
// table does not fund decides its kind; an action whose wording matches no pattern is `new`, the default.
const data = readAgreementData(join(projectRoot, 'db/data/assen-2022-2026'), projectRoot)
const actions = [...data.agreement.data.sections.flatMap((s) => s.actions ?? []), ...data.themes.flatMap((t) => t.data.topics.flatMap((p) => p.actions))]
const funded = new Set(data.budget.data.categories.flatMap((c) => c.budget_lines.flatMap((l) => l.actions)))

const phraseTable: Record<Exclude<ActionKind, 'new'>, RegExp> = {
  continue: /\b(gaan|gaat) (we |wij )?(\p{L}+ )?door\b|\bblijven\b|\bkrijgt een vervolg\b|\bgeven (\p{L}+ )?een vervolg aan\b|\bhouden (we |wij )?vast aan\b|\bverder (te )?gaan met\b|\bbouwen (we )?verder op\b|\bzetten (we )?(dit )?voort\b|\bzo houden\b/u,
  intensify: /\bversterken\b|\buitbreiden\b|\bbreiden (we )?uit\b|\bversnellen\b|(?<!onder )\bmeer\b|\bextra\b|\bnog beter\b|\bstevig(e)?\b|\bmeters (gaan )?maken\b|\bvaart\b|\bflinke slag\b|\bzet(ten)? (we )?(ons |er |ons er |ons ervoor )(\p{L}+ ){0,2}in\b|\bzet(ten)? (we )?(\p{L}+ ){0,2}in op\b|\binzetten\b|\bvaker\b|\bdichter\b/u,
  investigate: /\bonderzo(e)?k|\bvooronderzoek\b|\bexperiment|\buitproberen\b|\bontdekken\b|\bevalu|\bop zoek (gaan )?naar\b|\bkijken (we |wij )?(hoe|gericht)\b|\bkijken wij hoe\b|\bleren\b|\btoetsen\b/u,
  advocate: /\b(zet|zetten|inzetten)\b[^.]*\b(Rijk|provincie)\b|\b(Rijk|provincie)\b[^.]*\bzetten (we )?ons in\b|\bvragen (we )?(hernieuwde )?aandacht voor\b|\bsamen op met andere gemeentes\b|\bbestuurlijke netwerken\b/u,
  consult: /\bin gesprek\b|\bbespreken\b|\bbetrekken\b|\bsamen met de raad\b|\bmet de raad\b|\baan de raad\b|\bafstemmen\b|\bstemmen (\p{L}+ )*af\b|\been stem\b|\bberoep (op|doen)\b|\bsamen met (onze )?(ondernemers|bedrijven|de organisatie|Mijn Buurt Assen)\b|\bwerken (\p{L}+ )?samen met\b|\bin contact\b|\bvertellen\b|\bontmoetingen met\b|\bluisteren\b|\btrekken (\p{L}+ )*samen op met\b|\bafspraken\b|\bde raad\b|\bvragen (we )?eerst\b/u,
  support: /\bondersteun|\bfacilit|\bhelpen\b|\bhelpt\b|\bstimuleren\b|\bbieden (\p{L}+ )*(de kans|een plek|ruimte)\b|\been plek te bieden\b|\bmede investeren\b|\bkrijgen hier de kans\b|\badviseren\b|\bgepromoot\b|\bpakken (we )?direct op\b|\bomarmen\b/u,
}

describe('kinds against the phrase table', () => {
  it('gives an action the budget table does not decide a kind its wording names, or `new` where it names none', () => {
    const wrong = actions.filter((a) => !funded.has(a.slug)).flatMap((a) => {
      const named = Object.entries(phraseTable).filter(([, pattern]) => pattern.test(a.text)).map(([kind]) => kind)
      const allowed = named.length === 0 ? ['new'] : named
      return allowed.includes(a.kind) ? [] : [`${a.slug}: ${a.kind}, wording says ${allowed.join('/')}: ${a.text}`]
    })
    expect(wrong).toEqual([])
  })

  it('reads "aandacht" one way everywhere: asked of another government an action (advocate), directed at a focus an action (new), had or given a principle', () => {
    for (const a of actions.filter((x) => /\baandacht\b/.test(x.text))) {
      const asked = /\bvragen (we )?(\p{L}+ )?aandacht voor\b/u.test(a.text)
      const focus = /\brichten (onze|ons) aandacht\b[^.]*\bop\b/.test(a.text)
      expect(asked || focus, `${a.slug}: ${a.text}`).toBe(true)
      expect(a.kind, a.slug).toBe(asked ? 'advocate' : 'new')
    }
  })
})
