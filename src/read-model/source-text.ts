import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { projectRoot } from '../config.js'
import { SourceDocument } from '../source/source-document.js'
import type { AgreementRecord } from './records.js'

const documents = new Map<string, SourceDocument>()

/**
 * The normalised text of an agreement's source lines, for records that are
 * identified by a range rather than quoted as one text (a portfolio's block).
 * The source file is read once and checked against the agreement's SHA-256,
 * so a text never comes from a different edition than the database.
 */
export function sourceText(agreement: AgreementRecord, startLine: number, endLine: number): string {
  return sourceDocument(agreement).text(startLine, endLine)
}

/** The raw lines start..end (inclusive, 1-based) of an agreement's source, as printed: blank lines included. */
export function sourceLines(agreement: AgreementRecord, startLine: number, endLine: number): readonly string[] {
  return sourceDocument(agreement).lines.slice(startLine - 1, endLine)
}

function sourceDocument(agreement: AgreementRecord): SourceDocument {
  const path = resolve(projectRoot, agreement.sourceFile)
  const cacheKey = `${path}\n${agreement.sourceSha256}`
  let document = documents.get(cacheKey)
  if (!document) {
    if (!existsSync(path)) throw new Error(`source file ${agreement.sourceFile} of ${agreement.slug} is missing`)
    document = SourceDocument.read(path)
    if (document.sha256 !== agreement.sourceSha256) throw new Error(`source file ${agreement.sourceFile} does not match ${agreement.slug}`)
    documents.set(cacheKey, document)
  }
  return document
}
