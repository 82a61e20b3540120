import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { PublicationError } from './publication-error.js'

/**
 * The layout of a publication folder. Every release is a complete folder
 * under `.builds/`; `releases/<version>` and `current` are symbolic links to
 * them. Replacing a link is one rename(2) of a new link over the old one, so
 * a reader always finds a complete folder, never a missing or half one.
 * `.writing` is the writers' lock (src/publication/publication-lock.ts).
 */
export const releaseLayout = { current: 'current', releases: 'releases', builds: '.builds', lock: '.writing' } as const

/** The folder served at the plain /data/ paths: the newest dump. */
export const currentRelease = (root: string): string => join(root, releaseLayout.current)
/** The folder of one release, served at /data/releases/<version>/. */
export const releaseFolder = (root: string, version: string): string => join(root, releaseLayout.releases, version)

const temporaryPrefix = '.tmp-'
const isVersion = (name: string): boolean => /^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(name)

/** The versions kept in the publication, oldest first. */
export async function listReleases(root: string): Promise<string[]> {
  const names = await readdir(join(root, releaseLayout.releases)).catch(() => [] as string[])
  const kept = await Promise.all(names.filter(isVersion).map(async (name) => (existsSync(join(root, releaseLayout.releases, name, 'SHA256SUMS')) ? name : null)))
  return kept.filter((name): name is string => name !== null).sort()
}

/**
 * Writes a release: `fill` writes it into a temporary folder, which becomes
 * a build; then `releases/<version>` and `current` point at it. A failure
 * leaves the previous links as they were. Before writing, leftovers of
 * earlier dumps that were killed (temporary folders and links of processes
 * that no longer run, builds no link points to) are removed.
 */
export async function writeRelease<T>(root: string, version: string, fill: (directory: string) => Promise<T>): Promise<T> {
  if (!isVersion(version)) throw new PublicationError(`${JSON.stringify(version)} cannot name a release folder`)
  await prepareRoot(root)
  const builds = join(root, releaseLayout.builds)
  const temporary = await mkdtemp(join(builds, `${temporaryPrefix}${process.pid}-`))
  try {
    const result = await fill(temporary)
    // mkdtemp makes the folder private; a publication is for every reader, the web server's user included.
    await chmod(temporary, 0o755)
    const build = `${version}-${randomBytes(6).toString('hex')}`
    await rename(temporary, join(builds, build))
    await pointAt(releaseFolder(root, version), join('..', releaseLayout.builds, build))
    await pointAt(currentRelease(root), join(releaseLayout.builds, build))
    return result
  } catch (error) {
    await rm(temporary, { recursive: true, force: true })
    throw error
  }
}

/** Points a symbolic link at target by renaming a new link over it: atomic, never absent. */
async function pointAt(link: string, target: string): Promise<void> {
  await mkdir(dirname(link), { recursive: true })
  const next = join(dirname(link), `${temporaryPrefix}${process.pid}-${randomBytes(6).toString('hex')}`)
  await symlink(target, next)
  try {
    await rename(next, link)
  } catch (error) {
    await rm(next, { force: true })
    throw error
  }
}

const processRuns = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A temporary entry of a process that has ended (killed mid-dump). */
const abandoned = (name: string): boolean => {
  const match = new RegExp(`^\\${temporaryPrefix}(\\d+)-`).exec(name)
  return match !== null && Number(match[1]) !== process.pid && !processRuns(Number(match[1]))
}

/**
 * Makes root a publication folder: creates it, converts a publication of the
 * earlier single-folder layout (files at the top, SHA256SUMS among them) by
 * removing it, refuses a folder holding anything else, and cleans leftovers.
 */
async function prepareRoot(root: string): Promise<void> {
  const absolute = resolve(root)
  await mkdir(join(absolute, releaseLayout.builds), { recursive: true })
  await mkdir(join(absolute, releaseLayout.releases), { recursive: true })
  const known = new Set<string>(Object.values(releaseLayout))
  const entries = await readdir(absolute)
  const foreign = entries.filter((name) => !known.has(name) && !name.startsWith(temporaryPrefix))
  if (foreign.length > 0) {
    if (!entries.includes('SHA256SUMS')) throw new PublicationError(`${absolute} holds files that are not a publication (${foreign.slice(0, 3).join(', ')}); choose an empty folder`)
    for (const name of foreign) await rm(join(absolute, name), { recursive: true, force: true })
  }
  // The earlier layout renamed whole folders beside the publication: .<name>.tmp-… and .<name>.old-….
  const parent = dirname(absolute)
  for (const name of await readdir(parent)) {
    if (name.startsWith(`.${basename(absolute)}.tmp-`) || name.startsWith(`.${basename(absolute)}.old-`)) await rm(join(parent, name), { recursive: true, force: true })
  }
  await cleanLeftovers(absolute)
}

/** Removes abandoned temporary folders and links, and builds that neither `current` nor any release points to. */
async function cleanLeftovers(root: string): Promise<void> {
  const builds = join(root, releaseLayout.builds)
  for (const folder of [root, join(root, releaseLayout.releases), builds]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) if (abandoned(name)) await rm(join(folder, name), { recursive: true, force: true })
  }
  const links = [currentRelease(root), ...(await readdir(join(root, releaseLayout.releases)).catch(() => [] as string[])).filter(isVersion).map((v) => releaseFolder(root, v))]
  const used = new Set<string>()
  for (const link of links) {
    const stat = await lstat(link).catch(() => null)
    if (stat?.isSymbolicLink()) used.add(basename(await readlink(link)))
  }
  for (const name of await readdir(builds).catch(() => [] as string[])) {
    if (!name.startsWith(temporaryPrefix) && !used.has(name)) await rm(join(builds, name), { recursive: true, force: true })
  }
}
