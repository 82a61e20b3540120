import { crc32, inflateRawSync } from 'node:zlib'

/** One entry of a zip archive, unpacked, with what its headers say. */
export interface ZipEntry {
  name: string
  data: Buffer
  /** The DOS date and time fields of the central directory. */
  dosDate: number
  dosTime: number
  hasExtraFields: boolean
}

/**
 * Reads a zip archive (stored or deflated entries, no zip64) from its
 * central directory, checking every entry's CRC-32 and size: enough to prove
 * the publication's zip opens, without an unzip binary on the machine.
 */
export function readZip(archive: Buffer): ZipEntry[] {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('no end of central directory record')
  const count = archive.readUInt16LE(eocd + 10)
  let offset = archive.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = archive.readUInt16LE(offset + 10)
    const [dosTime, dosDate] = [archive.readUInt16LE(offset + 12), archive.readUInt16LE(offset + 14)]
    const crc = archive.readUInt32LE(offset + 16)
    const [compressedSize, size] = [archive.readUInt32LE(offset + 20), archive.readUInt32LE(offset + 24)]
    const [nameLength, extraLength, commentLength] = [archive.readUInt16LE(offset + 28), archive.readUInt16LE(offset + 30), archive.readUInt16LE(offset + 32)]
    const local = archive.readUInt32LE(offset + 42)
    const name = archive.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`)
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28)
    const raw = archive.subarray(start, start + compressedSize)
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null
    if (!data) throw new Error(`${name}: compression method ${method}`)
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC-32 does not match`)
    entries.push({ name, data, dosDate, dosTime, hasExtraFields: extraLength > 0 })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
