import pino, { type Logger } from 'pino'
import type { Config } from '../config.js'

/** The structured JSON logger of the server (pino, one JSON object per line on stdout). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'open-akkoord-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  })
}
