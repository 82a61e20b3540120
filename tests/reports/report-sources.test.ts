import { afterAll, describe, expect, it } from 'vitest'
import { ReportSources } from '../../src/reports/report-sources.js'
import { openTestStore } from '../helpers.js'

const store = openTestStore()
afterAll(() => store.db.destroy())
const lease = (generation: number) => ({ store, generation, release() {} })

describe('the report sources shared by the reports route and the web site', () => {
  it('read an agreement once per database generation, and again after a reopen', async () => {
    const sources = new ReportSources('http://open-akkoord.test')
    const first = await sources.get(lease(1), null)
    expect(first.agreement.slug).toBe('assen-2022-2026')
    expect((await sources.get(lease(1), 'assen-2022-2026')).source).toBe(first.source)
    // A rebuilt database may keep its data version; the generation alone tells the data may differ.
    const reopened = await sources.get(lease(2), null)
    expect(reopened.source).not.toBe(first.source)
    expect(reopened.source.view.actions).toHaveLength(185)
  })
})
