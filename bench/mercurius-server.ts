import type { ChildProcess } from 'node:child_process'
import { freePort, spawnTsx } from './child-process.js'

/** The bench's peer: Fastify + Mercurius with graphql-jit, in its own process. */
export interface PeerServer {
  base: string
  pid: number
  stop(): Promise<void>
}

/**
 * Starts the fastest Node GraphQL stack we know as a peer: Fastify with
 * Mercurius compiling every query with graphql-jit at once, serving the same
 * executable schema over the same snapshot resolvers and context as the
 * product, without a response cache. Bench-only (devDependencies).
 */
export async function startMercuriusServer(env: Record<string, string>): Promise<PeerServer> {
  const port = await freePort()
  const child: ChildProcess = spawnTsx('bench/mercurius-server.ts', [String(port)], env)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000) })
  await new Promise<void>((ready, fail) => {
    child.stdout!.once('data', () => ready())
    child.once('exit', (code) => fail(new Error(`the Mercurius peer exited ${code} before listening: ${stderr}`)))
  })
  child.stdout!.resume()
  return {
    base: `http://127.0.0.1:${port}`, pid: child.pid!,
    stop: () => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM') }),
  }
}

/** Child entry: `mercurius-server.ts PORT` serves /graphql until SIGTERM. */
async function main(port: number): Promise<void> {
  const { default: Fastify } = await import('fastify')
  const { default: mercurius } = await import('mercurius')
  const { loadConfig } = await import('../src/config.js')
  const { createApiContext } = await import('../src/api/context.js')
  const { executableSchema } = await import('../src/api/executable-schema.js')
  const { openEditorialStore } = await import('../src/editorial/open-editorial-store.js')
  const { StoreHolder } = await import('../src/server/store-holder.js')
  const config = loadConfig()
  const stores = new StoreHolder(config.databasePath)
  const editorial = await openEditorialStore(config.editorialDatabase)
  const app = Fastify({ logger: false })
  await app.register(mercurius, {
    schema: executableSchema, jit: 1, graphiql: false,
    context: (_request, reply) => {
      const lease = stores.acquire()
      reply.raw.once('finish', () => lease.release())
      return createApiContext(lease.store, { store: editorial, viewer: null, requestId: null, client: null, usage: { editorial: false, private: false } })
    },
  })
  await app.listen({ port, host: '127.0.0.1' })
  process.stdout.write('listening\n')
  process.once('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
}

if (process.argv[1]?.endsWith('mercurius-server.ts')) await main(Number(process.argv[2]))
