import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'

/**
 * The PostgreSQL server the editorial tests run against, read here only:
 * OPEN_AKKOORD_TEST_POSTGRES names a server (`postgres://postgres@127.0.0.1/postgres`);
 * unset, the tests use SQLite files. Every store a test makes is a new
 * database named after the run (tests/global-setup.ts), dropped at its end:
 * never a fixed database, never the project's.
 */
const server = process.env.OPEN_AKKOORD_TEST_POSTGRES

/** The engine this run's editorial stores use. */
export const testEngine: 'sqlite' | 'postgres' = server ? 'postgres' : 'sqlite'

/** The prefix of this run's databases (set by the global setup, inherited by test files). */
const runPrefix = () => process.env.OPEN_AKKOORD_TEST_PG_PREFIX ?? 'oa_test_x'

/** Runs one statement on the server's maintenance database. */
export async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** The URL of a database on the test server. */
function databaseUrl(name: string): string {
  const url = new URL(server!)
  url.pathname = `/${name}`
  return url.toString()
}

/** Creates a new, empty database for this run and returns its URL. */
export async function createTestDatabase(prefix = runPrefix()): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await onServer(`CREATE DATABASE ${name}`)
  return databaseUrl(name)
}

/** Drops the databases whose names start with the prefix (the run's own). */
export async function dropTestDatabases(prefix: string): Promise<void> {
  if (!/^oa_test_[a-z0-9_]+$/.test(prefix)) throw new Error(`refusing to drop databases named ${prefix}*`)
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/**
 * A new editorial store location for one test's store: the SQLite file in
 * `dir`, or a new database of the run on the PostgreSQL test server. `env` is
 * what a server started over it needs (both settings, so a SQLite path is
 * never the project's).
 */
export async function freshEditorialTarget(dir: string): Promise<{ target: string; path: string; env: Record<string, string> }> {
  const path = join(dir, 'editorial.sqlite')
  if (!server) return { target: path, path, env: { EDITORIAL_DATABASE: path } }
  const url = await createTestDatabase()
  return { target: url, path, env: { EDITORIAL_DATABASE: path, EDITORIAL_DATABASE_URL: url } }
}

export { server as testPostgresServer }
