import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { listRecords, streamRecords } from '../read-model/list-records.js'
import type { AgreementRecord } from '../read-model/records.js'
import { readInferredValues, type InferredValue } from './inferred-values.js'
import { PublicationError } from './publication-error.js'

/** Texts in the two languages the catalogue is written in. */
export interface Bilingual {
  nl: string
  en: string
}

/**
 * What the Data Package and the DCAT catalogue say about the publication as
 * a whole. Everything comes from the data: dates from the data version, never
 * from the clock, so the same data gives the same files.
 */
export interface PublicationMetadata {
  agreements: AgreementRecord[]
  title: Bilingual
  description: Bilingual
  /** The release's name: the newest data version, or the (UTC) day of the latest progress publication when that is later. */
  version: string
  /** The oldest data version: when the publication was first issued. */
  issued: string
  /** When the data last changed: a data version's date, or the moment of the latest progress publication or retraction (UTC). */
  modified: string
  /** Temporal coverage: the council terms of the agreements. */
  temporal: { start: string; end: string }
  /** The municipalities, for the publisher and the spatial coverage. */
  municipalities: string[]
  /** Who publishes: from the settings, since the data does not say. */
  publisherName: string
  /** The e-mail address of the contact block of the agreement. */
  contactEmail: string
  keywords: string[]
  /** What the curators inferred rather than read: counted for the provenance statement. */
  inferred: { amounts: number; amountsTotal: number; portfolios: number; portfoliosTotal: number }
  /** Every inferred value with its reason, for the LEESMIJ; empty for many agreements (the benchmark's), where the columns say it. */
  inferredValues: InferredValue[]
}

/** The first e-mail address in a text. */
const emailIn = (text: string): string | null => /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0] ?? null

/** Reads the publication's metadata from the agreements in the database. */
export async function readPublicationMetadata(db: Kysely<Database>, publisherName: string): Promise<PublicationMetadata> {
  const agreements = await listRecords(db, 'agreement')
  if (agreements.length === 0) throw new PublicationError('the database holds no agreement to publish')
  let contactEmail: string | null = null
  for await (const section of streamRecords(db, 'section')) {
    if (section.kind === 'contact') contactEmail ??= emailIn(section.text)
  }
  const inferred = { amounts: 0, amountsTotal: 0, portfolios: 0, portfoliosTotal: 0 }
  for await (const amount of streamRecords(db, 'budgetAmount')) {
    inferred.amountsTotal += 1
    if (amount.inferred) inferred.amounts += 1
  }
  for await (const portfolio of streamRecords(db, 'portfolio')) {
    inferred.portfoliosTotal += 1
    if (portfolio.assignmentInferred) inferred.portfolios += 1
  }
  if (contactEmail === null) throw new PublicationError('no agreement has a contact section with an e-mail address for the catalogue\'s contact point')
  const versions = agreements.map((a) => a.dataVersion).sort()
  const municipalities = [...new Set(agreements.map((a) => a.municipality))].sort()
  // A few agreements are named; many (the synthetic benchmark data) are counted, so titles stay titles.
  const few = agreements.length <= 3
  const names = few ? agreements.map((a) => `${a.subtitle} ${a.municipality} "${a.title}"`).join('; ') : null
  return {
    agreements,
    title: few
      ? {
          nl: `Open Akkoord: ${agreements.map((a) => `${a.subtitle} ${a.municipality}`).join(', ')}`,
          en: `Open Akkoord: coalition agreement${agreements.length > 1 ? 's' : ''} of ${municipalities.join(', ')} ${agreements.map((a) => `${a.periodStart}-${a.periodEnd}`).join(', ')}`,
        }
      : { nl: `Open Akkoord: ${agreements.length} bestuursakkoorden van ${municipalities.length} gemeenten`, en: `Open Akkoord: ${agreements.length} coalition agreements of ${municipalities.length} municipalities` },
    description: {
      nl: `De volledige tekst van ${names ?? `${agreements.length} bestuursakkoorden`} als open data: thema's, onderwerpen, concrete acties met doelen en verantwoordelijke portefeuilles, de financiële doorrekening in hele euro's, de financiële spelregels, portefeuilles en wijken. Elk record citeert de brontekst letterlijk met de regelnummers waar het staat.`,
      en: `The complete text of ${names ?? `${agreements.length} coalition agreements`} as open data: themes, topics, concrete actions with their targets and responsible portfolios, the budget in whole euros, the financial rules, portfolios and districts. Every record quotes the source text verbatim with the line numbers it stands on.`,
    },
    version: versions.at(-1)!,
    issued: versions[0]!,
    modified: versions.at(-1)!,
    temporal: {
      start: `${Math.min(...agreements.map((a) => a.periodStart))}-01-01`,
      end: `${Math.max(...agreements.map((a) => a.periodEnd))}-12-31`,
    },
    municipalities,
    publisherName,
    contactEmail,
    inferred,
    inferredValues: few ? await readInferredValues(db) : [],
        // CKAN's tag rule: letters, digits, spaces, - _ and . only (so no "B&W").
    keywords: ['bestuursakkoord', 'coalitieakkoord', 'college van burgemeester en wethouders', 'begroting', ...(municipalities.length <= 10 ? municipalities : [])],
  }
}

/**
 * Moves the version and modification date to the latest progress publication
 * (or retraction) when it is later than the data version: a portal sees the
 * dataset change when the progress does. One release per day: publications
 * on the day of the current release update it.
 */
export function withProgress(metadata: PublicationMetadata, latestPublishedAt: string | null): PublicationMetadata {
  if (latestPublishedAt === null || latestPublishedAt.slice(0, 10) < metadata.modified.slice(0, 10)) return metadata
  return { ...metadata, version: latestPublishedAt.slice(0, 10), modified: latestPublishedAt }
}

/** The modification date as a moment: a bare date is midnight UTC. */
export const modifiedTimestamp = (modified: string): string => (modified.includes('T') ? modified : `${modified}T00:00:00Z`)
