import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { verifyChain } from '../editorial/audit-chain.js'
import { copyEditorialStore, CopyRefusedError } from '../editorial/copy-editorial-store.js'
import { openEditorialStore } from '../editorial/open-editorial-store.js'

const usage = `npm run copy-to-postgres -- postgres://USER@HOST/DATABASE [--from FILE]
  copies the SQLite editorial store FILE (default EDITORIAL_DATABASE) into the empty PostgreSQL database,
  in one transaction, with the same ids and hashes; then verifies the hash chain on the copy.
  Stop the servers writing to FILE first (or copy a backup: npm run editor -- backup --out FILE).`

/** A PostgreSQL URL, as EDITORIAL_DATABASE_URL takes it. */
const isPostgresUrl = (text: string) => /^postgres(ql)?:\/\/\S+$/i.test(text)

/**
 * `npm run copy-to-postgres`: moves an existing editorial store to PostgreSQL.
 * Exit 0 copied and verified, 1 refused or the copy's chain does not verify, 2 a usage mistake.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: 'string' }, help: { type: 'boolean' } } })
  const url = positionals[0]
  if (values.help || positionals.length !== 1 || !url || !isPostgresUrl(url)) {
    console.error(usage)
    return 2
  }
  const from = values.from ?? loadConfig().editorialDatabase
  if (isPostgresUrl(from)) {
    console.error(`the source must be a SQLite file, not ${from}\n${usage}`)
    return 2
  }
  const source = await openEditorialStore(from)
  try {
    const target = await openEditorialStore(url)
    try {
      const report = await copyEditorialStore(source, target)
      for (const [table, rows] of Object.entries(report)) console.log(`${table}: ${rows} rows`)
      const chain = await verifyChain(target)
      if (!chain.ok) {
        console.error(`the copy's chain does not verify after ${chain.links} links: ${chain.problem}`)
        return 1
      }
      console.log(`copied ${source.location} to ${target.location}; the chain holds: ${chain.links} links, head ${chain.head}`)
      return 0
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof CopyRefusedError || error instanceof ConfigError) {
    console.error(`copy refused: ${error.message}`)
    process.exit(1)
  }
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
