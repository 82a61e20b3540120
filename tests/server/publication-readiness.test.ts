import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { temporaryDir } from '../api/support.js'
import { startServerProcess, type ServerProcess } from '../hostile/server-process.js'

/**
 * A publication folder the start cannot write: a folder without write
 * permission, or (as root, whom permissions do not stop) a file where the
 * folder's parent should be.
 */
function unwritableFolder(dir: string): { path: string; mend(): void } {
  if (process.getuid?.() !== 0) {
    const path = join(dir, 'publicatie')
    mkdirSync(path)
    chmodSync(path, 0o500)
    return { path, mend: () => chmodSync(path, 0o700) }
  }
  const blocker = join(dir, 'geen-map')
  writeFileSync(blocker, 'een bestand waar een map hoort\n')
  return { path: join(blocker, 'publicatie'), mend: () => rmSync(blocker) }
}

const readiness = async (server: ServerProcess) => {
  const answer = await fetch(new URL('/readyz', server.base))
  return { status: answer.status, text: await answer.text() }
}

describe('a publication that could not be written at start', { timeout: 240_000 }, () => {
  let server: ServerProcess | undefined
  let folder: ReturnType<typeof temporaryDir> | undefined
  afterEach(async () => {
    await server?.stop()
    folder?.remove()
  })

  for (const workers of ['1', '2']) {
    it(`keeps /readyz at 503 with the reason and no path (WORKERS=${workers}), /healthz and the API answer, and SIGHUP after the fix makes it ready`, async () => {
      folder = temporaryDir('unwritable-publication')
      const target = unwritableFolder(folder.dir)
      server = await startServerProcess({ PUBLICATION_DIR: target.path, WORKERS: workers })

      // Every worker answers alike: ask a few times (the port is shared).
      for (let n = 0; n < 4; n++) {
        const ready = await readiness(server)
        expect(ready.status).toBe(503)
        const body = JSON.parse(ready.text)
        expect(body.status).toBe('publication-failed')
        expect(body.publication.code).toMatch(/^(ENOTDIR|EEXIST|EACCES)$/)
        expect(body.publication.reason).toMatch(/^writing the publication failed/)
        expect(Date.parse(body.publication.at)).not.toBeNaN()
        expect(ready.text).not.toContain(folder.dir)
        expect(ready.text).not.toMatch(/\/tmp\/|\.ts:\d+|\bat \w/)
      }
      expect((await fetch(new URL('/healthz', server.base))).status).toBe(200)
      expect((await fetch(new URL('/graphql?query=%7B__typename%7D', server.base))).status).toBe(200)

      // The cause removed, SIGHUP writes the publication and the instance is ready again.
      target.mend()
      server.child.kill('SIGHUP')
      let status = 503
      for (let tries = 0; tries < 1200 && status !== 200; tries++) {
        await new Promise((done) => setTimeout(done, 100))
        status = (await readiness(server)).status
      }
      expect(status).toBe(200)
      expect((await fetch(new URL('/data/', server.base), { headers: { accept: 'application/json' } })).status).toBe(200)
    })
  }
})
