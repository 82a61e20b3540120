import { join } from 'node:path'
import { loadAgreements, writeDatabase } from '../../src/build/build-database.js'
import { loadConfig, projectRoot } from '../../src/config.js'
import type { AgreementData } from '../../src/data/read-agreement-data.js'

/**
 * Builds a database into `dir` from the project's curated data as changed by
 * `modify` (never the data files themselves): a second build of the data
 * with actions moved, removed or added, for the tests of what survives a rebuild.
 */
export async function modifiedDatabase(dir: string, name: string, modify: (data: AgreementData) => void): Promise<string> {
  const agreements = loadAgreements({ dataDir: loadConfig({}).dataDir, databasePath: '', root: projectRoot })
  for (const { data } of agreements) modify(data)
  return (await writeDatabase(agreements, join(dir, `${name}.sqlite`))).databasePath
}
