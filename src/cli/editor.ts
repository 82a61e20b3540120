import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { addAccount, listAccounts, revokeAccount } from '../editorial/accounts.js'
import { verifyChain, type PublishedHead } from '../editorial/audit-chain.js'
import { backupEditorialStore, BackupExistsError } from '../editorial/backup-editorial-store.js'
import { contentSubjects } from '../editorial/content-subjects.js'
import { AccountExistsError, AccountNotFoundError, InvalidAccountError } from '../editorial/editorial-errors.js'
import { openEditorialStore, type EditorialStore } from '../editorial/open-editorial-store.js'
import { findOrphans } from '../editorial/orphan-check.js'
import { openDatabase } from '../store/open-database.js'

const usage = `npm run editor -- <command>
  add --name NAME --role editor|reviewer|admin   creates an account; its token is printed once, alone on the last line
  revoke --name NAME                             revokes an account: its token stops working at once
  list                                           lists the accounts (never a token)
  backup --out FILE                              copies the editorial store to a new FILE (SQLite online backup; safe while the server runs)
  check                                          lists records whose action or target the content no longer has (exit 1 if any)
  verify [--length N --head HASH]                walks the hash chain of the audit trail and publications; names the first entry that does not match (exit 1);
                                                 with a release's chain_length and chain_head (csv/progress-publications.csv), also checks
                                                 that the chain's first N links, recomputed from the rows, still hash to HASH (exit 1 if not)
The store is EDITORIAL_DATABASE (default editorial/editorial.sqlite).`

/** A usage mistake: the message and the usage are printed, exit code 2. */
class UsageError extends Error {}

async function run(store: EditorialStore, command: string | undefined, values: { name?: string; role?: string; out?: string; length?: string; head?: string }, databasePath: string): Promise<number> {
  const need = (value: string | undefined, option: string) => {
    if (value === undefined || value.trim() === '') throw new UsageError(`${command} needs --${option}`)
    return value
  }
  switch (command) {
    case 'add': {
      const { account, token } = await addAccount(store, need(values.name, 'name'), need(values.role, 'role'))
      console.log(`added ${account.role} ${JSON.stringify(account.name)} to ${store.location}`)
      console.log('The token below is shown once and stored nowhere: only its hash is kept. Send it as "Authorization: Bearer TOKEN".')
      console.log(token)
      return 0
    }
    case 'revoke': {
      const account = await revokeAccount(store, need(values.name, 'name'))
      console.log(`revoked ${account.role} ${JSON.stringify(account.name)} at ${account.revokedAt}`)
      return 0
    }
    case 'list': {
      const accounts = await listAccounts(store)
      if (accounts.length === 0) console.log('no accounts yet: add one with `npm run editor -- add --name NAME --role admin`')
      for (const a of accounts) console.log(`${a.name}\t${a.role}\tcreated ${a.createdAt}\t${a.revokedAt ? `revoked ${a.revokedAt}` : 'active'}`)
      return 0
    }
    case 'backup': {
      const out = need(values.out, 'out')
      const { pages } = await backupEditorialStore(store, out)
      console.log(`backed up ${store.location} to ${out} (${pages} pages)`)
      return 0
    }
    case 'verify': {
      const published = publishedHead(values)
      const state = await verifyChain(store, published)
      if (state.ok) console.log(`the chain holds: ${state.links} links, head ${state.head}`)
      else console.log(`the chain is broken after ${state.links} good links (last good hash ${state.head}): ${state.problem}`)
      if (published && state.published?.ok) console.log(`the published head holds: the first ${published.length} links hash to ${published.head}`)
      else if (published) console.log(`the published head does not hold (${published.length} links, ${published.head}): ${state.published?.problem}`)
      return state.ok && (!published || state.published?.ok) ? 0 : 1
    }
    case 'check': {
      const content = openDatabase(databasePath, { readonly: true })
      try {
        const orphans = await findOrphans(store, await contentSubjects(content.db))
        for (const o of orphans) console.log(`orphan: ${o.subject.agreement} ${o.subject.type} ${o.subject.slug} (${o.revisions} revisions): the content has no such ${o.subject.type}`)
        console.log(orphans.length === 0 ? 'every editorial record refers to an action or target of the content' : `${orphans.length} subjects are orphaned; their records are kept`)
        return orphans.length === 0 ? 0 : 1
      } finally {
        await content.db.destroy()
      }
    }
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`)
  }
}

/** The head `verify` checks, from --length and --head (both or neither). */
function publishedHead(values: { length?: string; head?: string }): PublishedHead | undefined {
  if (values.length === undefined && values.head === undefined) return undefined
  if (values.length === undefined || !/^[1-9][0-9]{0,14}$/.test(values.length)) throw new UsageError('verify --length needs the chain_length of a publication: a whole number from 1')
  if (values.head === undefined || !/^[0-9a-f]{64}$/.test(values.head)) throw new UsageError('verify --head needs the chain_head of a publication: 64 lower-case hexadecimal digits')
  return { length: Number(values.length), head: values.head }
}

/** `npm run editor -- ...`: accounts, backups, the orphan check and the chain's verification of the editorial store. */
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, out: { type: 'string' }, length: { type: 'string' }, head: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) {
    console.log(usage)
  } else {
    const config = loadConfig()
    const store = await openEditorialStore(config.editorialStore, { poolSize: 2 })
    try {
      process.exitCode = await run(store, positionals[0], values, config.databasePath)
    } finally {
      await store.close()
    }
  }
} catch (error) {
  const known = [UsageError, AccountExistsError, AccountNotFoundError, InvalidAccountError, BackupExistsError, ConfigError]
  if (known.some((type) => error instanceof type)) {
    console.error(`editor: ${(error as Error).message}`)
    if (error instanceof UsageError) console.error(usage)
    process.exitCode = 2
  } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`editor: ${error.message}\n${usage}`)
    process.exitCode = 2
  } else {
    throw error
  }
}
