import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addAccount } from '../../src/editorial/accounts.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { sqliteHandle } from '../../src/editorial/sqlite-editorial-store.js'
import { publicationGeneration } from '../../src/editorial/progress-snapshot.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../src/editorial/record-revision.js'
import { agreement, history, progressStore } from '../publication/progress-fixture.js'

const opened: EditorialStore[] = []
const folders: string[] = []
afterAll(async () => {
  for (const store of opened) await store.close()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** Publishes one more assessment through `store` (an editor records, a reviewer publishes). */
async function publishOne(store: EditorialStore, suffix: string): Promise<void> {
  const editor = (await addAccount(store, `Redacteur ${suffix}`, 'editor')).account
  const reviewer = (await addAccount(store, `Controleur ${suffix}`, 'reviewer')).account
  const input = {
    subject: { agreement, type: 'action', slug: history.assessedTwice }, asOf: '2026-04-01', kind: 'assessment', status: 'ACHIEVED',
    explanation: 'Het college heeft de raad geïnformeerd; het is klaar.',
    evidence: [{ title: 'Begroting 2026', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' }],
  } as RevisionInput
  const recorded = await recordRevision(store, { account: editor, requestId: null, client: null, now: new Date() }, input)
  if (!recorded.record) throw new Error(JSON.stringify(recorded.userErrors))
  const published = await publishRevision(store, { account: reviewer, requestId: null, client: null, now: new Date() }, recorded.record.id)
  if (!published.record) throw new Error(JSON.stringify(published.userErrors))
}

describe('the publication generation held in memory', () => {
  it('asks the store nothing between changes, sees its own process\'s publication at once and another\'s within a quarter second', async () => {
    const { store: writer, dir } = await progressStore({ sqlite: true })
    folders.push(dir)
    const reader = await openEditorialStore(join(dir, 'editorial.sqlite'))
    opened.push(writer, reader)
    const before = publicationGeneration(reader)
    expect(before).toBe(publicationGeneration(writer))

    // Every statement of better-sqlite3 shares one prototype: count the reads made while nothing changes.
    const prototype = Object.getPrototypeOf(sqliteHandle(reader)!.prepare('SELECT 1')) as { get: (...args: unknown[]) => unknown }
    const get = prototype.get
    let reads = 0
    prototype.get = function (this: unknown, ...args: unknown[]) { reads += 1; return get.apply(this, args) }
    try {
      for (let n = 0; n < 10_000; n++) publicationGeneration(reader)
    } finally {
      prototype.get = get
    }
    expect(reads).toBe(0)

    // Published through the writer's own connection: the writer knows at once.
    await publishOne(writer, 'a')
    expect(publicationGeneration(writer)).toBe(before + 1)
    // The reader is another connection, as another server process would be: SQLite's data_version tells it.
    const started = performance.now()
    while (publicationGeneration(reader) === before && performance.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 5))
    const noticedMs = performance.now() - started
    expect(publicationGeneration(reader)).toBe(before + 1)
    // The poll runs every 100 ms; the bound leaves room for a busy machine's timers.
    expect(noticedMs).toBeLessThan(250)
  })
})
