import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDatabase } from '../../src/build/build-database.js'
import { projectRoot } from '../../src/config.js'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'
import { recordRevision } from '../../src/editorial/record-revision.js'
import { buildAgreementCopies, temporaryDir } from '../api/support.js'
import { assessment, post, publishProgress, recordProgress } from './support.js'

const folder = temporaryDir('editorial-process')
const paths = {
  dataDir: join(folder.dir, 'data'), database: join(folder.dir, 'content.sqlite'), editorial: join(folder.dir, 'editorial', 'store.sqlite'),
  publication: join(folder.dir, 'publication'),
}
const env = { DATA_DIR: paths.dataDir, DATABASE_PATH: paths.database, EDITORIAL_DATABASE: paths.editorial, PUBLICATION_DIR: paths.publication }
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  folder.remove()
})

/** `npm run editor -- ...` as a process, with the test's settings only. */
function editor(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/editor.ts', ...args], { cwd: projectRoot, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.trim().split('\n') }
}

/** Every file under a folder, read as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()).map((f) => readFileSync(join(dir, f), 'latin1')).join('\n')
}

describe('accounts from the CLI, a server process, a content rebuild with SIGHUP, backups', () => {
  it('keeps every assessment through a rebuild, and no token reaches the store, the logs or the dumps', { timeout: 300_000 }, async () => {
    await buildAgreementCopies(paths.dataDir, paths.database, ['assen-2022-2026'])
    const added = Object.fromEntries((['editor', 'reviewer', 'admin'] as const).map((role) => {
      const out = editor('add', '--name', `Test ${role}`, '--role', role)
      expect(out.status).toBe(0)
      const token = out.lines.at(-1)!
      expect(token).toMatch(/^oa_[A-Za-z0-9_-]{43}$/) // 256 bits, alone on the last line
      return [role, token]
    }))
    expect(editor('add', '--name', 'Test editor', '--role', 'editor').status).toBe(2)
    expect(editor('add', '--name', 'X', '--role', 'boss').stderr).toContain('role')
    const list = editor('list')
    expect(list.stdout).toContain('Test reviewer\treviewer')
    for (const token of Object.values(added)) expect(list.stdout).not.toContain(token)

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      cwd: projectRoot, env: { PATH: process.env.PATH, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let logs = ''
    child.stdout!.on('data', (chunk) => { logs += chunk })
    child.stderr!.on('data', (chunk) => { logs += chunk })
    const waitFor = async (message: string, from = 0) => {
      for (let i = 0; i < 1200 && !logs.slice(from).includes(`"msg":"${message}"`); i++) await new Promise((r) => setTimeout(r, 50))
      const line = logs.slice(from).split('\n').find((l) => l.includes(`"msg":"${message}"`))
      if (!line) throw new Error(`no "${message}" in the logs: ${logs.slice(-2000)}`)
      return JSON.parse(line)
    }
    const base = `http://127.0.0.1:${(await waitFor('listening')).port}`

    const slugs: string[] = (await post(base, '{ actions(first: 5) { edges { node { slug } } } }')).body.data.actions.edges.map((e: any) => e.node.slug)
    for (const slug of slugs) {
      const draft = (await post(base, recordProgress, { input: assessment(slug) }, added.editor)).body.data.recordProgress.assessment
      expect((await post(base, publishProgress, { id: draft.id }, added.reviewer)).body.data.publishProgress.userErrors).toEqual([])
    }
    expect((await post(base, '{ viewer { name } }', {}, `${added.editor}x`)).status).toBe(401)
    const statusQuery = '{ actions(first: 5) { edges { node { slug progressStatus progress { explanation } } } } agreement { progressSummary { assessed } } }'
    const before = (await post(base, statusQuery)).body.data
    expect(before.agreement.progressSummary.assessed).toBe(5)

    // Rebuild the content (new file, new row ids) and reopen it with SIGHUP: every assessment is still linked.
    await buildDatabase({ dataDir: paths.dataDir, databasePath: paths.database, root: projectRoot })
    const mark = logs.length
    child.kill('SIGHUP')
    await waitFor('database reopened', mark)
    expect((await post(base, statusQuery)).body.data).toEqual(before)

    // An orphan (its action is not in the content) is reported by the check command and /readyz, and kept.
    const store = await openEditorialStore(paths.editorial)
    const account = { id: 1, name: 'Test editor', role: 'editor' as const, createdAt: '', revokedAt: null }
    const orphan = await recordRevision(store, { account, requestId: null, client: 'test', now: new Date() }, {
      ...assessment('x'), kind: 'assessment', status: 'ACHIEVED', evidence: [{ title: 'Stuk', url: 'https://assen.nl/x', kind: 'other' }],
      subject: { agreement: 'assen-2022-2026', type: 'action', slug: 'verdwenen-actie' },
    })
    expect(orphan.userErrors).toEqual([])
    const check = editor('check')
    expect(check.status).toBe(1)
    expect(check.stdout).toContain('verdwenen-actie')
    // The check command can outlast the server's keep-alive timeout: retried once, like the read below.
    const readyz = () => fetch(`${base}/readyz`)
    const ready = await (await readyz().catch(readyz)).json() as any
    expect(ready.details.editorial).toMatchObject({ status: 'ok', orphanedSubjects: 1, orphans: [{ slug: 'verdwenen-actie', revisions: 1 }] })
    await store.close()

    // A backup while the server runs is a consistent copy that opens on its own.
    const backup = join(folder.dir, 'backup.sqlite')
    expect(editor('backup', '--out', backup).status).toBe(0)
    expect(editor('backup', '--out', backup).status).toBe(2)
    const copy = new SQLite(backup, { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM revision').get()).toEqual({ n: 6 })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()

    const revoked = editor('revoke', '--name', 'Test editor')
    expect(revoked.status).toBe(0)
    // The CLI steps outlast the server's keep-alive timeout: a read retried once covers fetch reusing a socket the server just closed.
    const viewer = () => post(base, '{ viewer { name } }', {}, added.editor)
    expect((await viewer().catch(viewer)).status).toBe(401)
    expect(logs).toContain('authentication failed')

    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    const stored = allText(join(folder.dir, 'editorial')) + readFileSync(backup, 'latin1')
    const dumps = allText(paths.publication)
    for (const token of Object.values(added)) {
      expect(stored).not.toContain(token)
      expect(logs).not.toContain(token)
      expect(dumps).not.toContain(token)
    }
  })
})
