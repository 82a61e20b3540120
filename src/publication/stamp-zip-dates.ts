import { open, type FileHandle } from 'node:fs/promises'
import { PublicationError } from './publication-error.js'

const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const
const extendedTimestamp = 0x5455

/** The DOS time and date fields of a moment, read in UTC (as the release's zip is dated). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}

/** Overwrites the times of an extended-timestamp extra field (0x5455) with `unix`, wherever the block holds one. */
function stampExtra(extra: Buffer, unix: number): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at)
    const size = extra.readUInt16LE(at + 2)
    if (id === extendedTimestamp) for (let t = at + 5; t + 4 <= at + 4 + size; t += 4) extra.writeUInt32LE(unix, t)
    at += 4 + size
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  if (bytesRead !== length) throw new PublicationError('the zip ends early')
  return buffer
}

/**
 * Gives every entry of a zip file one date, in place: the DOS date and time
 * of each central directory record and local header, and any extended
 * timestamp. Only the headers are read and written, never the compressed
 * data, so memory stays the same however large the file (ExcelJS stamps the
 * clock on the workbook's entries; this makes the workbook deterministic).
 */
export async function stampZipDates(path: string, when: Date): Promise<void> {
  const { time, date } = dosDateTime(when)
  const unix = Math.floor(when.getTime() / 1000)
  const handle = await open(path, 'r+')
  try {
    const { size } = await handle.stat()
    const tailLength = Math.min(size, 22 + 0xffff)
    const tail = await readAt(handle, size - tailLength, tailLength)
    let end = -1
    for (let at = tail.length - 22; at >= 0; at -= 1) if (tail.readUInt32LE(at) === signatures.end) { end = at; break }
    if (end < 0) throw new PublicationError(`${path} is not a zip file`)
    const count = tail.readUInt16LE(end + 10)
    const directorySize = tail.readUInt32LE(end + 12)
    const directoryOffset = tail.readUInt32LE(end + 16)
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new PublicationError(`${path} is a ZIP64 file, which is not re-dated`)
    const directory = await readAt(handle, directoryOffset, directorySize)
    for (let at = 0, n = 0; n < count; n += 1) {
      if (directory.readUInt32LE(at) !== signatures.central) throw new PublicationError(`${path}: bad central directory`)
      directory.writeUInt16LE(time, at + 12)
      directory.writeUInt16LE(date, at + 14)
      const [nameLength, extraLength, commentLength] = [directory.readUInt16LE(at + 28), directory.readUInt16LE(at + 30), directory.readUInt16LE(at + 32)]
      stampExtra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), unix)
      const localOffset = directory.readUInt32LE(at + 42)
      const local = await readAt(handle, localOffset, 30)
      if (local.readUInt32LE(0) !== signatures.local) throw new PublicationError(`${path}: bad local header`)
      local.writeUInt16LE(time, 10)
      local.writeUInt16LE(date, 12)
      await handle.write(local, 0, 30, localOffset)
      const localExtraLength = local.readUInt16LE(28)
      if (localExtraLength > 0) {
        const extraAt = localOffset + 30 + local.readUInt16LE(26)
        const extra = await readAt(handle, extraAt, localExtraLength)
        stampExtra(extra, unix)
        await handle.write(extra, 0, extra.length, extraAt)
      }
      at += 46 + nameLength + extraLength + commentLength
    }
    await handle.write(directory, 0, directory.length, directoryOffset)
  } finally {
    await handle.close()
  }
}
