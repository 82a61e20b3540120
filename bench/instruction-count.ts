import { spawn } from 'node:child_process'
import { root } from './child-process.js'
import { benchEditorialPath } from './server-process.js'

/**
 * Instructions per uncached answer, counted by valgrind's callgrind: a
 * measure other work on the machine does not change. Each side runs twice in
 * bench/answer-cpu.ts, with `few` and `many` answers of one scenario; the
 * difference, divided by the difference in answers, leaves out start-up.
 * Slow (a minute or more per run). Usage:
 * `npx tsx bench/instruction-count.ts [SCENARIO] [FEW] [MANY]`.
 */
async function instructions(side: string, iterations: number, scenario: string): Promise<number> {
  const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--import', 'tsx', 'bench/answer-cpu.ts', side, String(iterations), scenario], {
    cwd: root, env: { EDITORIAL_DATABASE: benchEditorialPath, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const code = await new Promise<number | null>((done) => child.once('exit', done))
  const match = /Collected : (\d+)/.exec(stderr)
  if (code !== 0 || !match) throw new Error(`callgrind ${side} ${iterations}: exit ${code}, ${stderr.slice(-500)}`)
  return Number(match[1])
}

/** Answers the child gives for ITERATIONS: a fifth more as warm-up, and the lean path one first answer to check it is not declined. */
const answers = (side: string, iterations: number) => iterations + Math.ceil(iterations / 5) + (side === 'lean' ? 1 : 0)

const [scenario = 'nested theme page uncached', few = '20', many = '220'] = process.argv.slice(2)
for (const side of ['lean', 'mercurius']) {
  const [low, high] = await Promise.all([instructions(side, Number(few), scenario), instructions(side, Number(many), scenario)])
  const perAnswer = (high - low) / (answers(side, Number(many)) - answers(side, Number(few)))
  console.log(`${scenario}, ${side}: ${Math.round(perAnswer).toLocaleString('en')} instructions per answer`)
}
