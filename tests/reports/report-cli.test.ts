import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'

const run = promisify(execFile)
const out = mkdtempSync(join(tmpdir(), 'report-cli-'))

/** Runs `npm run report -- …` the way npm does (tsx on src/cli/report.ts), and returns its exit code and output. */
async function report(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { cwd: projectRoot })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm run report', () => {
  it('writes the district report as HTML and the budget as PDF', async () => {
    const html = await report('--type', 'district', '--slug', 'pittelo', '--format', 'html', '--out', join(out, 'pittelo.html'))
    expect(html.code).toBe(0)
    expect(html.stdout).toContain('pittelo.html')
    expect(readFileSync(join(out, 'pittelo.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/)
    const pdf = await report('--type', 'budget', '--format', 'pdf', '--out', join(out, 'budget.pdf'))
    expect(pdf.code).toBe(0)
    expect(readFileSync(join(out, 'budget.pdf')).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7')
  })

  it.each([
    [['--type', 'foo', '--format', 'pdf', '--out', 'x.pdf'], '--type: unknown report type "foo"'],
    [['--type', 'theme', '--slug', 'nope', '--format', 'pdf', '--out', 'x.pdf'], '--slug: unknown theme slug "nope"'],
    [['--type', 'district', '--format', 'pdf', '--out', 'x.pdf'], '--slug: report type district needs a slug'],
    [['--type', 'full', '--format', 'docx', '--out', 'x.pdf'], '--format must be pdf or html, got "docx"'],
    [['--type', 'full', '--format', 'pdf'], 'missing --out'],
    [['--type', 'full', '--agreement', 'elders-2030', '--format', 'pdf', '--out', 'x.pdf'], '--agreement: unknown agreement "elders-2030"'],
  ])('fails on %j, naming the argument and its value', async (args, message) => {
    const result = await report(...args)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('usage: npm run report --')
  })
})
