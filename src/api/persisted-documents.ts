import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BoundedCache } from '../memory/bounded-cache.js'
import { entryOverheadBytes, stringBytes } from '../memory/heap-size.js'
import { projectRoot } from '../config.js'
import type { SharedDocuments } from '../editorial/shared-documents.js'

/** Where `npm run schema` writes the manifest of the trusted documents (src/api/operations/*.graphql). */
export const manifestPath = join(projectRoot, 'persisted-documents.json')

/** One operation of the manifest, in the format of Apollo's persisted query manifests. */
export interface ManifestOperation {
  id: string
  name: string
  type: 'query' | 'mutation' | 'subscription'
  body: string
}

/** The manifest file: `format` and `version` as @apollo/generate-persisted-query-manifest writes them. */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest'
  version: 1
  operations: ManifestOperation[]
}

/** The hash both protocols use: the lowercase hex SHA-256 of the document text as sent. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Reads the committed manifest; a missing or malformed one is an error at start, not a silent empty list. */
export function readManifest(path = manifestPath): PersistedQueryManifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest, version 1`)
  }
  for (const operation of manifest.operations) {
    if (documentHash(operation.body) !== operation.id) throw new Error(`${path}: operation ${operation.name} has an id that is not the SHA-256 of its body`)
  }
  return manifest
}

/**
 * The documents a request may name by hash instead of sending them: the
 * trusted documents of the manifest, which are always there, and those
 * clients registered through automatic persisted queries, kept in an LRU
 * bounded by the heap they hold (PERSISTED_QUERY_BYTES). A registered
 * document is only a shorthand for its own text, so evicting one costs the
 * client one retry with the full query.
 */
export class PersistedDocuments {
  private readonly trusted: ReadonlyMap<string, string>
  private readonly registered: BoundedCache<string>

  constructor(readonly maxBytes: number, private readonly manifest: PersistedQueryManifest = readManifest(), private readonly shared?: SharedDocuments) {
    this.trusted = new Map(manifest.operations.map((o) => [o.id, o.body]))
    this.registered = new BoundedCache(maxBytes, (key, text) => entryOverheadBytes + stringBytes(key) + stringBytes(text))
  }

  /** The document with this hash, trusted or registered; undefined when the server does not know it. */
  find(hash: string): string | undefined {
    return this.trusted.get(hash) ?? this.registered.get(hash)
  }

  /**
   * The document with this hash, looked for in the store shared with other
   * servers (PostgreSQL) on a local miss, and kept locally once found: a hit
   * costs no round trip.
   */
  async findShared(hash: string): Promise<string | undefined> {
    const local = this.find(hash)
    if (local !== undefined || !this.shared || this.maxBytes === 0) return local
    const found = await this.shared.find(hash)
    if (found !== undefined) this.registered.set(hash, found)
    return found
  }

  /** The trusted documents, as the manifest lists them. */
  trustedOperations(): readonly ManifestOperation[] {
    return this.manifest.operations
  }

  /** Keeps a document a client sent with its hash; the caller has checked that the hash is the text's. */
  async register(hash: string, text: string): Promise<void> {
    if (this.maxBytes === 0 || this.trusted.has(hash)) return
    this.registered.set(hash, text)
    await this.shared?.register(hash, text)
  }

  /** How many registered documents are kept and the heap they hold. */
  get usage(): { documents: number; bytes: number } {
    return { documents: this.registered.size, bytes: this.registered.bytes }
  }
}
