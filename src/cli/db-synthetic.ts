import { parseArgs } from 'node:util'
import { loadAgreements, writeDatabase } from '../build/build-database.js'
import { loadConfig, projectRoot } from '../config.js'
import { nationalDataset } from '../synthetic/synthesize-agreement.js'

/**
 * `npm run db:synthetic -- --scale N --out FILE [--seed S]`: builds a database
 * holding the real agreement plus N-1 synthetic ones shaped like it (N = 1000 is
 * about every Dutch municipality over three periods), for benchmarks.
 */
const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' }, out: { type: 'string' }, seed: { type: 'string', default: '20221616' } } })
const scale = Number(values.scale)
const seed = Number(values.seed)
if (!Number.isInteger(scale) || scale < 1 || scale > 100_000) {
  console.error(`--scale must be a whole number from 1 to 100000, not ${JSON.stringify(values.scale)}`)
  process.exit(2)
}
if (!values.out) {
  console.error('--out FILE is required: where to write the synthetic database')
  process.exit(2)
}
const config = loadConfig()
const started = performance.now()
const real = loadAgreements({ dataDir: config.dataDir, databasePath: values.out, root: projectRoot })
const result = await writeDatabase(nationalDataset(real, scale * real.length - real.length, seed), values.out)
console.log(`built ${result.databasePath}: ${result.agreements.length} agreements in ${Math.round(performance.now() - started)} ms`)
