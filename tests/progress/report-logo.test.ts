import { execFile, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { crc32, deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'

const run = promisify(execFile)
const folder = mkdtempSync(join(tmpdir(), 'open-akkoord-logo-theme-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A small PNG: a 40 by 16 block of the house orange, written byte by byte. */
function logoPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const [width, height] = [40, 16]
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xE8, 0x73, 0x1A]))])
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))), chunk('IEND', Buffer.alloc(0))])
}

describe('the logo slot of reports/theme.json', () => {
  it('ships no logo, and puts a configured one on the cover of the PDF and the HTML report', async () => {
    const shipped = JSON.parse(readFileSync(join(projectRoot, 'reports/theme.json'), 'utf8'))
    expect(shipped.logo).toBeNull()
    cpSync(join(projectRoot, 'reports/fonts'), join(folder, 'fonts'), { recursive: true })
    writeFileSync(join(folder, 'logo.png'), logoPng())
    writeFileSync(join(folder, 'theme.json'), JSON.stringify({ ...shipped, logo: 'logo.png' }))
    const env = { ...process.env, REPORT_THEME: join(folder, 'theme.json') }
    for (const format of ['pdf', 'html']) {
      await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--type', 'budget', '--format', format, '--out', join(folder, `budget.${format}`)], { cwd: projectRoot, env })
    }
    const images = execFileSync('pdfimages', ['-list', join(folder, 'budget.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.length).toBe(1)
    expect(images[0]).toMatch(/^\s*1\s+\d+\s+image\s+40\s+16\s/)
    expect(readFileSync(join(folder, 'budget.html'), 'utf8')).toMatch(/<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Logo Gemeente Assen"/)
  }, 120_000)
})
