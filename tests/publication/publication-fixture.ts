import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, projectRoot } from '../../src/config.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { writePublication, type PublicationResult } from '../../src/publication/write-publication.js'
import { openTestStore } from '../helpers.js'
import { progressStore } from './progress-fixture.js'

/** A public address unlike the default, to show the catalogue takes it from the settings. */
export const baseUrl = 'https://open-akkoord.example.nl'
export const { publisherUri, publisherName } = loadConfig({})

/** Writes a publication of the test database, with the published history of progress-fixture.ts, into a fresh temporary folder. */
export async function dumpInto(outDir: string, base = baseUrl): Promise<PublicationResult> {
  const store = openTestStore()
  const editorial = await progressStore()
  try {
    return await writePublication({
      db: store.db, databasePath: loadConfig({}).databasePath, outDir, root: projectRoot, baseUrl: base, publisherUri, publisherName, editorial: editorial.store,
    })
  } finally {
    await editorial.store.close()
    rmSync(editorial.dir, { recursive: true, force: true })
    await store.db.destroy()
  }
}

type WrittenPublication = { root: string; dir: string; result: PublicationResult }

/** A publication of its own in a fresh temporary folder: `root` is the publication folder, `dir` its current release. */
export async function freshPublication(): Promise<WrittenPublication> {
  const root = join(await mkdtemp(join(tmpdir(), 'open-akkoord-pub-')), 'publication')
  return { root, dir: currentRelease(root), result: await dumpInto(root) }
}

let shared: Promise<WrittenPublication> | null = null

/**
 * One publication shared by every test file of the run (the files share one
 * worker and its modules): read it, never change it. A test that adds or
 * changes files takes a freshPublication().
 */
export function sharedPublication(): Promise<WrittenPublication> {
  shared ??= freshPublication()
  return shared
}

/** A publication of its own served by a whole test server (site, /data/, /id/, /def) at the address it was written for. */
export async function servedPublication(prefix: string): Promise<{ origin: string; publicationDir: string; close(): Promise<void> }> {
  const publicationDir = join(await mkdtemp(join(tmpdir(), `open-akkoord-${prefix}-`)), 'publication')
  await dumpInto(publicationDir)
  const { startTestServer } = await import('../api/support.js')
  const server = await startTestServer({ PUBLICATION_DIR: publicationDir, PUBLIC_BASE_URL: baseUrl })
  return { origin: server.base, publicationDir, close: server.close }
}
