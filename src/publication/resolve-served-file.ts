import { existsSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { PublicationPathError, resolvePublicationFile } from './publication-path.js'
import { servedCatalogPath } from './write-catalog.js'

/**
 * The file a /data/ path is served from. Under the current release the
 * catalogue's names map to the current catalogue (stable URLs), which a
 * release written before it existed lacks: then its own catalogue serves.
 * Everything else goes through resolvePublicationFile's checks.
 */
export async function resolveServedFile(root: string, rawPath: string, current: boolean): Promise<{ path: string; relative: string }> {
  const served = servedCatalogPath(rawPath, current)
  if (served === rawPath) return resolvePublicationFile(root, rawPath)
  const realRoot = await realpath(root).catch(() => {
    throw new PublicationPathError(404, rawPath, 'no publication')
  })
  const path = join(realRoot, served)
  return existsSync(path) ? { path, relative: rawPath } : resolvePublicationFile(root, rawPath)
}
