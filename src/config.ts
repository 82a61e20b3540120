import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The project root: every relative path in the settings is taken from here. */
export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)))

const integer = (fallback: number, min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max)).default(String(fallback))

const schema = z.object({
  PORT: integer(4000, 0, 65535),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().trim().min(1).default('db/open-akkoord.sqlite'),
  DATA_DIR: z.string().trim().min(1).default('db/data'),
  EDITORIAL_DATABASE: z.string().trim().min(1).default('editorial/editorial.sqlite'),
  EDITORIAL_DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a postgres:// URL').optional(),
  EDITORIAL_POOL_SIZE: integer(10, 1, 1000),
  PUBLICATION_DIR: z.string().trim().min(1).default('publication'),
  PUBLIC_BASE_URL: z.string().trim().url('must be an absolute http(s) URL').regex(/^https?:\/\//, 'must be http or https').optional(),
  PUBLISHER_URI: z.string().trim().url('must be an absolute URI').default('https://identifier.overheid.nl/tooi/id/gemeente/gm0106'),
  PUBLISHER_NAME: z.string().trim().min(1).default('Gemeente Assen'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_DEPTH: integer(12, 2, 100),
  MAX_ALIASES: integer(30, 1, 1000),
  MAX_TOKENS: integer(2000, 50, 100000),
  MAX_DIRECTIVES: integer(20, 1, 1000),
  MAX_COST: integer(5000, 10, 1000000),
  MAX_BODY_BYTES: integer(100_000, 1000, 10_000_000),
  WORKSHEET_MAX_BYTES: integer(5_000_000, 1000, 100_000_000),
  REPORT_CONCURRENCY: integer(2, 1, 64),
  REPORT_QUEUE: integer(4, 0, 1000),
  REPORT_CACHE_ENTRIES: integer(200, 0, 10_000),
  REPORT_RETRY_AFTER_SECONDS: integer(5, 1, 3600),
  REPORT_THEME: z.string().trim().min(1).default('reports/theme.json'),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 600_000),
  SHUTDOWN_GRACE_MS: integer(5_000, 0, 600_000),
  HEADERS_TIMEOUT_MS: integer(10_000, 100, 600_000),
  REQUEST_TIMEOUT_MS: integer(30_000, 100, 3_600_000),
  KEEP_ALIVE_TIMEOUT_MS: integer(5_000, 100, 600_000),
  MAX_CONNECTIONS: integer(1_000, 1, 1_000_000),
  MAX_IN_FLIGHT: integer(128, 1, 100_000),
  RETRY_AFTER_SECONDS: integer(2, 1, 3600),
  MAX_UPLOADS: integer(64, 1, 100_000),
  UPLOADS_PER_CLIENT: integer(4, 1, 10_000),
  BODY_TIMEOUT_MS: integer(10_000, 100, 600_000),
  TRUST_PROXY: z.string().trim().default('').transform((v) => v.split(',').map((p) => p.trim()).filter((p) => p !== ''))
    .refine((list) => list.every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p)), 'must be a comma-separated list of addresses, CIDR ranges, or loopback, linklocal, uniquelocal'),
  PARSE_CACHE_BYTES: integer(20_000_000, 0, 2_000_000_000),
  COMPILED_CACHE_BYTES: integer(20_000_000, 0, 2_000_000_000),
  PERSISTED_QUERY_BYTES: integer(5_000_000, 0, 2_000_000_000),
  CACHE_MAX_AGE: integer(300, 0, 31_536_000),
  RESPONSE_CACHE_BYTES: integer(50_000_000, 0, 2_000_000_000),
  WARM_CACHE_BYTES: integer(10_000_000, 0, 2_000_000_000),
  WARM_CACHE_MS: integer(10_000, 0, 600_000),
  WORKERS: integer(1, 1, 64),
  RATE_LIMIT_POINTS: integer(100_000, 0, 1_000_000_000),
  RATE_LIMIT_WINDOW_SECONDS: integer(60, 1, 86_400),
  EDITORIAL_SESSION_SECONDS: integer(8 * 3600, 1, 7 * 24 * 3600),
  EDITORIAL_BUSY_TIMEOUT_MS: integer(250, 0, 60_000),
  NODE_ENV: z.string().trim().optional(),
})

/** Validated settings of the server and the command-line tools. */
export interface Config {
  port: number
  host: string
  databasePath: string
  dataDir: string
  /** The editorial store (progress assessments, accounts, audit trail): never rebuilt, never touched by a build or a test. */
  editorialDatabase: string
  /**
   * Where the editorial store is opened: the PostgreSQL server of
   * EDITORIAL_DATABASE_URL when set, else the SQLite file editorialDatabase
   * (the embedded default, which needs nothing installed).
   */
  editorialStore: string
  /** The most connections a process opens to the PostgreSQL editorial store. */
  editorialPoolSize: number
  publicationDir: string
  /** The public address used in links and in the DCAT catalogue. */
  publicBaseUrl: string
  /** False when PUBLIC_BASE_URL is unset and the address is the localhost default (refused in production). */
  publicBaseUrlSet: boolean
  /** The publisher's IRI in the DCAT catalogue (TOOI; default: gemeente Assen, gm0106). */
  publisherUri: string
  /** The publisher's name in the DCAT catalogue and the Data Package. */
  publisherName: string
  logLevel: z.infer<typeof schema>['LOG_LEVEL']
  /**
   * The GraphQL query limits; maxBodyBytes bounds every request body (MAX_BODY_BYTES) except the worksheet
   * upload in /beheer, which has its own, larger bound (WORKSHEET_MAX_BYTES): an xlsx saved unzipped is 100 kB and more.
   */
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number; maxCost: number; maxBodyBytes: number; worksheetMaxBytes: number }
  /**
   * Reports: renders at once and waiting, rendered files kept in memory, the Retry-After of a 503, and the
   * theme file (colours, fonts, sizes) whose folder holds every asset a render may read.
   */
  reports: { concurrency: number; queue: number; cacheEntries: number; retryAfterSeconds: number; themePath: string }
  /** SIGTERM: /readyz turns 503 and the listener stays open for graceMs, then requests in flight get up to timeoutMs to finish. */
  shutdownTimeoutMs: number
  shutdownGraceMs: number
  /**
   * Connection hygiene: time to receive the headers, the whole request, and between requests on a
   * keep-alive connection; connections kept open at once; requests answered at once (more get a 503
   * with Retry-After). trustProxy: the reverse proxies whose X-Forwarded-For names the client (empty: the
   * socket's peer is the client). uploads: request bodies received at once in total and per client, and the
   * time a body may take; a request takes an in-flight slot only once its body is in.
   */
  http: {
    headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number; maxInFlight: number; retryAfterSeconds: number; trustProxy: string[]
    uploads: { total: number; perClient: number; timeoutMs: number }
  }
  /**
   * HTTP caching of API answers: Cache-Control max-age in seconds, the in-memory response cache's size (0 turns
   * it off), and the heap the parsed and validated GraphQL documents may hold (0 turns that cache off), and
   * the heap the lean path's compiled queries may hold (0 turns the lean path off: yoga answers everything);
   * the heap and wall time the warming of the trusted documents' answers may take per generation (0 turns it off).
   */
  cache: { maxAgeSeconds: number; maxBytes: number; parseBytes: number; compiledBytes: number; persistedQueryBytes: number; warmBytes: number; warmMs: number }
  /** Server processes `npm start` runs (node:cluster): 1 serves from the one process, more fork workers sharing the port. */
  workers: number
  /** The points budget of each client on /graphql: `points` of cost, refilled evenly over `windowSeconds` (0 points: no budget). */
  rateLimit: { points: number; windowSeconds: number }
  /** How long a sign-in to the editorial screens (/beheer) lasts, in milliseconds, before the editor signs in again. */
  editorialSessionMs: number
  /** How long the server waits for another process's write lock on the editorial store before that one write fails (the wait stops every route). */
  editorialBusyTimeoutMs: number
}

/** A setting with a bad value: names the variable, the value and what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Reads the settings from the environment (the only place process.env is read)
 * and fails fast on a bad value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]))
  const result = schema.safeParse(known)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0])
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`
    })
    throw new ConfigError(`invalid settings:\n  ${lines.join('\n  ')}`)
  }
  const s = result.data
  // In production a localhost address would be written into every IRI and download URL of the publication.
  if (s.NODE_ENV === 'production' && s.PUBLIC_BASE_URL === undefined) {
    throw new ConfigError('invalid settings:\n  PUBLIC_BASE_URL is required when NODE_ENV=production: the public address (for example https://www.assen.nl/open-akkoord) is written into every IRI, download URL and the catalogue')
  }
  return {
    port: s.PORT,
    host: s.HOST,
    databasePath: resolve(projectRoot, s.DATABASE_PATH),
    dataDir: resolve(projectRoot, s.DATA_DIR),
    editorialDatabase: resolve(projectRoot, s.EDITORIAL_DATABASE),
    editorialStore: s.EDITORIAL_DATABASE_URL ?? resolve(projectRoot, s.EDITORIAL_DATABASE),
    editorialPoolSize: s.EDITORIAL_POOL_SIZE,
    publicationDir: resolve(projectRoot, s.PUBLICATION_DIR),
    publicBaseUrl: (s.PUBLIC_BASE_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, ''),
    publicBaseUrlSet: s.PUBLIC_BASE_URL !== undefined,
    publisherUri: s.PUBLISHER_URI,
    publisherName: s.PUBLISHER_NAME,
    logLevel: s.LOG_LEVEL,
    limits: {
      maxDepth: s.MAX_DEPTH, maxAliases: s.MAX_ALIASES, maxTokens: s.MAX_TOKENS, maxDirectives: s.MAX_DIRECTIVES,
      maxCost: s.MAX_COST, maxBodyBytes: s.MAX_BODY_BYTES, worksheetMaxBytes: s.WORKSHEET_MAX_BYTES,
    },
    reports: {
      concurrency: s.REPORT_CONCURRENCY, queue: s.REPORT_QUEUE, cacheEntries: s.REPORT_CACHE_ENTRIES,
      retryAfterSeconds: s.REPORT_RETRY_AFTER_SECONDS, themePath: resolve(projectRoot, s.REPORT_THEME),
    },
    shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT_MS,
    shutdownGraceMs: s.SHUTDOWN_GRACE_MS,
    http: {
      headersTimeoutMs: s.HEADERS_TIMEOUT_MS, requestTimeoutMs: Math.max(s.REQUEST_TIMEOUT_MS, s.HEADERS_TIMEOUT_MS),
      keepAliveTimeoutMs: s.KEEP_ALIVE_TIMEOUT_MS, maxConnections: s.MAX_CONNECTIONS, maxInFlight: s.MAX_IN_FLIGHT,
      retryAfterSeconds: s.RETRY_AFTER_SECONDS, trustProxy: s.TRUST_PROXY,
      uploads: { total: s.MAX_UPLOADS, perClient: s.UPLOADS_PER_CLIENT, timeoutMs: s.BODY_TIMEOUT_MS },
    },
    cache: { maxAgeSeconds: s.CACHE_MAX_AGE, maxBytes: s.RESPONSE_CACHE_BYTES, parseBytes: s.PARSE_CACHE_BYTES, compiledBytes: s.COMPILED_CACHE_BYTES, persistedQueryBytes: s.PERSISTED_QUERY_BYTES, warmBytes: s.WARM_CACHE_BYTES, warmMs: s.WARM_CACHE_MS },
    workers: s.WORKERS,
    rateLimit: { points: s.RATE_LIMIT_POINTS, windowSeconds: s.RATE_LIMIT_WINDOW_SECONDS },
    editorialSessionMs: s.EDITORIAL_SESSION_SECONDS * 1000,
    editorialBusyTimeoutMs: s.EDITORIAL_BUSY_TIMEOUT_MS,
  }
}
