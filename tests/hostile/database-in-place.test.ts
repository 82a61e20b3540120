import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { startTestServer, temporaryDir } from '../api/support.js'

describe('a database file changed in place under the running server', () => {
  const folder = temporaryDir('in-place')
  const path = join(folder.dir, 'open-akkoord.sqlite')
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    copyFileSync(loadConfig({}).databasePath, path)
    server = await startTestServer({ DATABASE_PATH: path, RESPONSE_CACHE_BYTES: '0' })
  })
  afterAll(async () => {
    await server.close()
    folder.remove()
  })

  it('answers uncached pages and reports with a clear 503, never a 500, and /readyz says so', async () => {
    // `cp bad.sqlite live.sqlite` rewrites the open file's pages rather than renaming a new file into place.
    const size = readFileSync(path).length
    writeFileSync(path, Buffer.alloc(size, 0x5a))
    const paths = ['/', '/thema/wonen', '/reports/budget.html', '/reports/theme/wonen.pdf', `/graphql?query=${encodeURIComponent('{ searchActions: actions(first: 2, filter: { search: "fiets" }) { totalCount } }')}`]
    const statuses: number[] = []
    for (const p of paths) {
      const answer = await fetch(server.base + p)
      statuses.push(answer.status)
      const text = await answer.text()
      // Whatever a page still holds in memory may be answered; whatever reads the file gets the 503 that says why.
      expect(answer.status < 500 || answer.status === 503, `${p}: ${answer.status} ${text.slice(0, 200)}`).toBe(true)
      // In the route's own error shape: a JSON problem for the API, data and reports, a Dutch page for the site.
      if (answer.status === 503 && answer.headers.get('content-type')?.includes('json')) {
        expect(JSON.parse(text)).toMatchObject({ error: 'database_changed', message: expect.stringMatching(/changed in place.*SIGHUP/) })
      } else if (answer.status === 503) expect(text).toMatch(/changed in place.*SIGHUP/)
    }
    // Before, these answered a bare 500.
    expect(statuses).toContain(503)
    const ready = await fetch(server.base + '/readyz')
    expect(ready.status).toBe(503)
  })
})
