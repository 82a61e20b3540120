import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withPublicationLock } from '../../src/publication/publication-lock.js'
import { releaseLayout } from '../../src/publication/release-store.js'

const folder = async () => join(await mkdtemp(join(tmpdir(), 'open-akkoord-lock-')), 'publication')
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the publication lock', () => {
  it('lets writers take turns, never two at once, and leaves no lock behind', async () => {
    const root = await folder()
    const events: string[] = []
    const writer = (name: string) => withPublicationLock(root, async () => {
      events.push(`${name} start`)
      expect(existsSync(join(root, releaseLayout.lock))).toBe(true)
      await pause(50)
      events.push(`${name} end`)
      return name
    })
    expect(await Promise.all([writer('a'), writer('b'), writer('c')])).toEqual(['a', 'b', 'c'])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
    expect(existsSync(join(root, releaseLayout.lock))).toBe(false)
    // A failing writer releases the lock too.
    await expect(withPublicationLock(root, async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect(await withPublicationLock(root, async () => 'after')).toBe('after')
  })

  it('takes over the lock of a process that no longer runs, and waits for one that does', async () => {
    const root = await folder()
    mkdirSync(root, { recursive: true })
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(join(root, releaseLayout.lock), dead)
    expect(await withPublicationLock(root, async () => 'written')).toBe('written')
    // The parent of this process runs for as long as the test does.
    writeFileSync(join(root, releaseLayout.lock), String(process.ppid))
    await expect(withPublicationLock(root, async () => 'never', 300)).rejects.toThrow(/stays locked by process/)
  })
})
