import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { EditorialDatabase } from '../editorial/editorial-database.js'
import { manifestPath, type PublicationManifest } from './publication-manifest.js'
import { currentRelease, releaseFolder, writeRelease } from './release-store.js'

/** The hidden file in a local build naming the archived build it holds (hidden files are never served). */
const markerPath = '.archive-build'

/** A build as the archive lists it. */
interface ArchivedBuild {
  id: number
  version: string
}

/** The archived build a local release folder holds, or null when it was not restored from or written to the archive. */
async function localBuild(folder: string): Promise<number | null> {
  const text = await readFile(join(folder, markerPath), 'utf8').catch(() => null)
  return text === null ? null : Number(text)
}

/** Every file under a folder, relative paths in byte order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && e.name !== markerPath).map((e) => relative(folder, join(e.parentPath, e.name))).sort()
}

/**
 * Stores the release `version` just written in the local publication folder
 * as a new build: every file with its bytes and modification time, in one
 * transaction (a writer killed half-way leaves nothing). Returns the build's id.
 */
export async function archiveRelease(db: Kysely<EditorialDatabase>, root: string, version: string, publicationGeneration: number): Promise<number> {
  const folder = releaseFolder(root, version)
  const paths = await filesUnder(folder)
  const id = await db.transaction().execute(async (tx) => {
    const build = await sql<{ id: string }>`INSERT INTO release_build (version, publication_generation) VALUES (${version}, ${publicationGeneration}) RETURNING id`.execute(tx)
    const buildId = Number(build.rows[0]!.id)
    for (const path of paths) {
      const [content, info] = await Promise.all([readFile(join(folder, path)), stat(join(folder, path))])
      await sql`INSERT INTO release_file (build_id, path, mtime_ms, content) VALUES (${buildId}, ${path}, ${info.mtimeMs}, ${content})`.execute(tx)
    }
    return buildId
  })
  await writeFile(join(folder, markerPath), String(id))
  return id
}

/**
 * Brings the local publication folder to the archive's state: the latest
 * build of every archived version that the folder does not hold yet is
 * written as a local release, byte for byte with the writer's modification
 * times, oldest build first, so `current` ends at the archive's newest build.
 * `localize` adapts the manifest (which names the writer's own database file
 * and store) to this replica. Returns the versions restored.
 */
export async function restoreArchive(db: Kysely<EditorialDatabase>, root: string, localize: (manifest: PublicationManifest) => Promise<PublicationManifest>): Promise<string[]> {
  const { rows } = await sql<{ id: string; version: string }>`
    SELECT DISTINCT ON (version) id, version FROM release_build ORDER BY version, id DESC`.execute(db)
  const builds: ArchivedBuild[] = rows.map((r) => ({ id: Number(r.id), version: r.version })).sort((a, b) => a.id - b.id)
  const newest = builds.at(-1)
  const restored: string[] = []
  for (const build of builds) {
    const held = await localBuild(releaseFolder(root, build.version))
    // The newest build is restored when `current` lacks it even if its version folder has it (a crash between the two links).
    const current = build === newest ? await localBuild(currentRelease(root)) : build.id
    if (held === build.id && current === build.id) continue
    await writeRelease(root, build.version, async (directory) => {
      const files = await sql<{ path: string; mtime_ms: number; content: Buffer }>`
        SELECT path, mtime_ms, content FROM release_file WHERE build_id = ${build.id} ORDER BY path`.execute(db)
      for (const file of files.rows) {
        const path = join(directory, file.path)
        await mkdir(dirname(path), { recursive: true })
        let content = file.content
        if (file.path === manifestPath) content = Buffer.from(`${JSON.stringify(await localize(JSON.parse(content.toString('utf8')) as PublicationManifest), null, 2)}\n`)
        await writeFile(path, content)
        const time = new Date(file.mtime_ms)
        await utimes(path, time, time)
      }
      await writeFile(join(directory, markerPath), String(build.id))
    })
    restored.push(build.version)
  }
  return restored
}
