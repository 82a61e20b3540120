import { startTestServer, temporaryDir } from '../api/support.js'
import { dumpInto } from '../publication/publication-fixture.js'

/** The whole server (API, data, reports, web site) on an ephemeral port, serving a fresh publication. */
export async function startSiteServer(): Promise<{ base: string; close(): Promise<void> }> {
  const publication = temporaryDir('web-publication')
  await dumpInto(publication.dir)
  const server = await startTestServer({ PUBLICATION_DIR: publication.dir })
  return {
    base: server.base,
    close: async () => {
      await server.close()
      publication.remove()
    },
  }
}
