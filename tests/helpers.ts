import { loadConfig, projectRoot } from '../src/config.js'
import { openDatabase, type Store } from '../src/store/open-database.js'
import { SourceDocument } from '../src/source/source-document.js'
import { join } from 'node:path'

/** The database the global setup built, opened read-only as a server would. */
export function openTestStore(): Store {
  return openDatabase(loadConfig({}).databasePath, { readonly: true })
}

/** The project's copy of the agreement text. */
export function readSource(): SourceDocument {
  return SourceDocument.read(join(projectRoot, 'db/source/bestuursakkoord-assen-2022-2026.txt'))
}
