import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'

/**
 * Writes a zip of the given publication files under one folder, in the
 * order given. Deterministic: every entry gets the same timestamp (the data
 * version's date) and mode, and no extended timestamp, so the archive
 * depends on the files alone, not on the clock or the time zone.
 */
export async function writeZip(options: { directory: string; path: string; folder: string; files: readonly string[]; date: string }): Promise<string> {
  const [year, month, day] = options.date.split('-').map(Number) as [number, number, number]
  // DOS timestamps are local time: a date built from local parts reads back as the same parts in any zone.
  const mtime = new Date(year, month - 1, day, 0, 0, 0)
  const zip = new yazl.ZipFile()
  for (const file of options.files) {
    zip.addFile(join(options.directory, file), `${options.folder}/${file}`, { mtime, mode: 0o100644, forceDosTimestamp: true, compress: true })
  }
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(join(options.directory, options.path)))
  return options.path
}
