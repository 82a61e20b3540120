import type { Logger } from 'pino'
import type { RequestUsage } from '../api/editorial-context.js'
import type { LeanExecutor } from '../api/lean-execution.js'
import { trustedDocumentUses, type TrustedDocumentUse } from '../api/trusted-document-uses.js'
import { graphqlAnswerHeaders, graphqlCacheControl, graphqlCacheEntry } from './graphql-cache-entry.js'
import { graphqlCacheKey } from './graphql-cache-key.js'
import { completeEncodings } from './prepared-answer.js'
import { cachedResponseBytes, type ResponseCache } from './response-cache.js'

/**
 * The Accept headers warmed for each use: what GraphQL over HTTP clients send,
 * and what fetch(), curl and most plain clients send. The response cache keys
 * on Accept, so each is an entry of its own.
 */
const warmedAccepts = ['application/graphql-response+json', '*/*'] as const

/** What one warming did, for the log, the bench and the tests. */
export interface WarmingReport {
  generation: number
  publication: number
  /** Answers admitted to the response cache. */
  answers: number
  /** The heap they hold, as the response cache counts it. */
  bytes: number
  ms: number
  /** Why it stopped before the end of its list, if it did. */
  stopped?: 'time' | 'memory' | 'superseded' | 'declined'
}

/** What the warming reads and fills. */
export interface CacheWarmingOptions {
  lean: LeanExecutor
  cache: ResponseCache
  generation: () => number
  publication: () => number
  maxAgeSeconds: number
  /** The heap the warmed answers may take (at most half the response cache). */
  maxBytes: number
  /** How long one warming may run, in milliseconds of wall time. */
  maxMs: number
  logger: Logger
  /** Subscribes to new database generations; returns the unsubscribe (StoreHolder.onGeneration). */
  onGeneration(listener: () => void): () => void
}

/** How often the publication generation is read to notice a publication (made here or by another process). */
const publicationPollMs = 1_000

/** The GET a client sends for a use (variables as JSON.stringify writes them: the form docs/api.md shows). */
function urlOf(use: Pick<TrustedDocumentUse, 'documentId' | 'variables'>): URL {
  const url = new URL('http://localhost/graphql')
  url.searchParams.set('documentId', use.documentId)
  if (use.variables) url.searchParams.set('variables', JSON.stringify(use.variables))
  return url
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Fills the response cache with the answers to the trusted documents' uses
 * (src/api/trusted-document-uses.ts) for the database and publication that
 * serve now, so the first request for one is a hit. It runs in the
 * background, one answer per turn of the event loop (clients' requests go
 * between them), within `maxMs` and `maxBytes`, and gives up as soon as the
 * database or publication it warms for is replaced (the next warming takes
 * over). An answer the lean path declines is left to the first request.
 */
export function createCacheWarming(options: CacheWarmingOptions) {
  const cacheControl = graphqlCacheControl(options.maxAgeSeconds)
  const maxBytes = Math.min(options.maxBytes, options.cache.maxBytes / 2)
  let runs = 0
  let current: Promise<WarmingReport | undefined> = Promise.resolve(undefined)

  async function answer(url: URL, accept: string) {
    const usage: RequestUsage = { editorial: false, private: false }
    const answered = await options.lean.uncounted({ method: 'GET', url, accept, contentType: '', body: undefined, server: { usage } })
    return answered && { answered, usage }
  }

  async function warmOnce(run: number): Promise<WarmingReport | undefined> {
    const started = performance.now()
    const generation = options.generation()
    const publication = options.publication()
    const report: WarmingReport = { generation, publication, answers: 0, bytes: 0, ms: 0 }
    const superseded = () => run !== runs || generation !== options.generation() || publication !== options.publication()
    const uses = await trustedDocumentUses(async (query, variables) => {
      const url = new URL('http://localhost/graphql')
      url.searchParams.set('query', query)
      url.searchParams.set('variables', JSON.stringify(variables))
      const result = await answer(url, '')
      return result ? (JSON.parse(result.answered.body.toString('utf8')) as { data: unknown }).data : undefined
    })
    if (uses.length === 0) report.stopped = 'declined'
    warming: for (const use of uses) {
      const url = urlOf(use)
      for (const accept of warmedAccepts) {
        await nextTurn()
        if (superseded()) { report.stopped = 'superseded'; break warming }
        if (performance.now() - started > options.maxMs) { report.stopped = 'time'; break warming }
        const result = await answer(url, accept)
        if (!result || superseded()) continue
        const { answered, usage } = result
        // Every encoding is made before the entry is kept: a warmed answer is a hit whatever the client accepts.
        const entry = await completeEncodings(await graphqlCacheEntry(answered.status, graphqlAnswerHeaders(answered.headers), answered.body,
          { editorial: usage.editorial, cacheControl, generation, publication: usage.publicState ?? publication }, 'identity'))
        if (superseded()) { report.stopped = 'superseded'; break warming }
        const key = graphqlCacheKey('GET', url, accept, '', undefined)!
        const bytes = cachedResponseBytes(key, entry)
        if (report.bytes + bytes > maxBytes) { report.stopped = 'memory'; break warming }
        options.cache.set(key, entry)
        report.answers += 1
        report.bytes += bytes
      }
    }
    report.ms = Math.round(performance.now() - started)
    options.logger.info({ warming: report }, 'response cache warmed')
    return report
  }

  /**
   * Starts a warming for what serves now, replacing one under way. Resolves
   * with its report (undefined when the cache, the lean path or the warming is off).
   */
  function warm(): Promise<WarmingReport | undefined> {
    if (!options.cache.enabled || maxBytes <= 0 || options.maxMs <= 0) return current
    const run = ++runs
    current = warmOnce(run).catch((error: unknown) => {
      options.logger.error({ err: error }, 'warming the response cache failed; requests compute their answers')
      return undefined
    })
    return current
  }

  let watched: number | undefined
  /** Warms now, and again for each new database generation and each new publication; returns the function that stops it. */
  function start(): () => void {
    let stopped = false
    // Run by a timer, outside any request: an editorial store that cannot be read right now must not throw.
    const rewarm = () => {
      if (stopped) return
      try {
        watched = options.publication()
      } catch (error) {
        options.logger.warn({ err: error }, 'reading the publication generation for the warming failed; trying again in a second')
        return
      }
      void warm()
    }
    rewarm()
    // Deferred: a reopen announces its generation before the server clears the response cache for it.
    const unsubscribe = options.onGeneration(() => setImmediate(rewarm))
    const poll = setInterval(() => {
      try {
        if (options.publication() === watched) return
      } catch {
        // Read again at the next tick.
        return
      }
      rewarm()
    }, publicationPollMs)
    poll.unref()
    return () => { stopped = true; unsubscribe(); clearInterval(poll); runs += 1 }
  }

  return {
    start,
    warm,
    /** The warming under way or last done. */
    get done(): Promise<WarmingReport | undefined> {
      return current
    },
  }
}

/** The response-cache warming of one server. */
export type CacheWarming = ReturnType<typeof createCacheWarming>
