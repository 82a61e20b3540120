import pino, { type Logger } from 'pino'
import type { Config } from '../config.js'

/**
 * The structured JSON logger of the server (pino, one JSON object per line on
 * stdout). Writes are synchronous: pino's default asynchronous stdout flushes
 * in an exit handler, and when whoever read stdout has gone away that flush
 * can keep the process from exiting after SIGTERM.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'open-akkoord-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, pino.destination({ dest: 1, sync: true }))
}
