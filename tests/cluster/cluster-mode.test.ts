import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { freePort } from '../../bench/child-process.js'
import { testEditorialPath } from '../api/support.js'


/** The pids whose parent is pid (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((name) => {
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) is in parentheses.
      return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid
    } catch {
      return false
    }
  }).map(Number)
}

describe('cluster mode (WORKERS=2)', { timeout: 300_000 }, () => {
  it('forks two workers that answer queries on one port, and SIGTERM to the primary drains them and exits 0', async () => {
    const port = await freePort()
    const primary = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'],
      // The publication and the editorial store go to temporary folders: a test never writes into the project's own folders.
      env: {
        PORT: String(port), HOST: '127.0.0.1', WORKERS: '2', LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '0',
        PUBLICATION_DIR: mkdtempSync(join(tmpdir(), 'open-akkoord-cluster-')), EDITORIAL_DATABASE: testEditorialPath(),
      },
    })
    let stderr = ''
    primary.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const exited = new Promise<number | null>((done) => primary.once('exit', (code) => done(code)))
    try {
      const url = `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent('{ themes { slug } }')}`
      let answer: Response | undefined
      // The primary writes the publication before it forks the workers, and a busy machine is slow: wait up to two minutes.
      for (let tries = 0; tries < 2400 && !answer?.ok && primary.exitCode === null; tries++) {
        answer = await fetch(url).catch(() => undefined)
        if (!answer?.ok) await new Promise((done) => setTimeout(done, 50))
      }
      expect(answer?.status, stderr).toBe(200)
      expect((await answer!.json()).data.themes.length).toBeGreaterThan(0)
      // Both workers are up (the first answer may come before the second listens).
      for (let tries = 0; tries < 1200 && childrenOf(primary.pid!).length < 2; tries++) await new Promise((done) => setTimeout(done, 50))
      const workers = childrenOf(primary.pid!)
      expect(workers).toHaveLength(2)
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.status)))
      expect(answers.every((status) => status === 200)).toBe(true)
      primary.kill('SIGTERM')
      expect(await exited, stderr).toBe(0)
      for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
    } finally {
      if (primary.exitCode === null) primary.kill('SIGKILL')
    }
  }, 120_000)
})
