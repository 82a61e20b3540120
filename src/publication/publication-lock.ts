import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PublicationError } from './publication-error.js'
import { releaseLayout } from './release-store.js'

const processRuns = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Within this process, writers of one folder take turns (the lock file only keeps other processes out). */
const turns = new Map<string, Promise<unknown>>()

/**
 * Runs `write` while holding the publication folder's lock: a file created
 * exclusively, holding the writer's pid. Server workers, a SIGHUP and
 * `npm run dump` may each decide to write at once; one writes, the others
 * wait and then find the publication current. A lock left by a process that
 * no longer runs (killed mid-dump) is taken over.
 */
export async function withPublicationLock<T>(root: string, write: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const previous = turns.get(root) ?? Promise.resolve()
  const mine = previous.catch(() => undefined).then(() => holdingLock(root, write, timeoutMs))
  turns.set(root, mine)
  try {
    return await mine
  } finally {
    if (turns.get(root) === mine) turns.delete(root)
  }
}

async function holdingLock<T>(root: string, write: () => Promise<T>, timeoutMs: number): Promise<T> {
  await mkdir(root, { recursive: true })
  const path = join(root, releaseLayout.lock)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(path, 'utf8').catch(() => ''))
      // An empty file is a lock being written this instant; a dead holder's lock is stale.
      if (holder > 0 && holder !== process.pid && !processRuns(holder)) await rm(path, { force: true })
      else if (Date.now() > deadline) throw new PublicationError(`${root} stays locked by process ${holder || 'unknown'}; remove ${path} if no dump runs`)
      else await pause(100)
    }
  }
  try {
    return await write()
  } finally {
    await rm(path, { force: true })
  }
}
