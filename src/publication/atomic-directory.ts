import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * Fills a temporary sibling of `target` and renames it into place only when
 * `fill` succeeds, so a reader never sees half a directory and an error
 * leaves the previous one untouched. The sibling sits in the same parent so
 * the rename stays on one file system.
 */
export async function replaceDirectoryAtomically<T>(target: string, fill: (directory: string) => Promise<T>): Promise<T> {
  const destination = resolve(target)
  await mkdir(dirname(destination), { recursive: true })
  const temporary = await mkdtemp(join(dirname(destination), `.${basename(destination)}.tmp-`))
  try {
    const result = await fill(temporary)
    // mkdtemp makes the folder private; a publication is for every reader, the web server's user included.
    await chmod(temporary, 0o755)
    await swapInto(temporary, destination)
    return result
  } catch (error) {
    await rm(temporary, { recursive: true, force: true })
    throw error
  }
}

/**
 * Puts the new directory in place of the old one. Linux cannot rename a
 * directory over a non-empty one, so the old one steps aside first (for the
 * span of one rename) and comes back if the new one cannot be moved in.
 */
async function swapInto(fresh: string, destination: string): Promise<void> {
  if (!existsSync(destination)) {
    await rename(fresh, destination)
    return
  }
  const previous = join(dirname(destination), `.${basename(destination)}.old-${randomBytes(6).toString('hex')}`)
  await rename(destination, previous)
  try {
    await rename(fresh, destination)
  } catch (error) {
    await rename(previous, destination)
    throw error
  }
  await rm(previous, { recursive: true, force: true })
}
