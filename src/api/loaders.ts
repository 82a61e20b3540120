import type { Kysely } from 'kysely'
import type { AgreementSnapshot } from '../read-model/agreement-snapshot.js'
import type { ReadSnapshot } from '../read-model/read-snapshot.js'
import type { AgreementRecord } from '../read-model/records.js'
import { searchNow, type SearchNarrowing, type SearchRow, type SearchTerms } from '../read-model/search-records.js'
import type { StatementTally } from '../read-model/sql-reader.js'
import type { Database } from '../store/database.js'

export type { IdEntity,  } from '../read-model/agreement-snapshot.js'

/**
 * What a request reads, all of it synchronous: the agreements and their
 * snapshots from the database generation the request leased, and the search,
 * which runs in SQLite. Every SQL statement run for the request (an agreement
 * read whole on first use, a search) is counted on its tally. The agreement
 * snapshots a request touched stay pinned for the rest of it, so a large query
 * does not read one twice however the LRU evicts meanwhile.
 */
export class Loaders {
  private readonly pinned = new Map<number, AgreementSnapshot>()

  constructor(private readonly snapshot: ReadSnapshot, private readonly db: Kysely<Database>, private readonly tally: StatementTally) {}

  /** The current agreement: the most recently presented one; null for an empty database. */
  currentAgreement(): AgreementRecord | null {
    return this.snapshot.current
  }

  /** Every agreement, oldest first. */
  allAgreements(): readonly AgreementRecord[] {
    return this.snapshot.agreements
  }

  /** An agreement by slug; null when none has it. */
  agreementBySlug(slug: string): AgreementRecord | null {
    return this.snapshot.agreementBySlug(slug)
  }

  /** An agreement by row id; null when none has it. */
  agreementById(id: number): AgreementRecord | null {
    return this.snapshot.agreementById(id)
  }

  /** One agreement read whole: its records, indexes and derived lists. */
  of(agreementId: number): AgreementSnapshot {
    let found = this.pinned.get(agreementId)
    if (!found) {
      found = this.snapshot.agreement(agreementId, this.tally)
      this.pinned.set(agreementId, found)
    }
    return found
  }

  /** One page of an agreement's search results, best first (FTS5 in SQLite). */
  searchPage(agreementId: number, terms: SearchTerms, page: { offset: number; limit: number }, narrowing?: SearchNarrowing): SearchRow[] {
    return searchNow.page(this.db, this.snapshot.reader, agreementId, terms, page, this.tally, narrowing)
  }

  /** How many of an agreement's search documents match. */
  searchCount(agreementId: number, terms: SearchTerms, narrowing?: SearchNarrowing): number {
    return searchNow.count(this.db, this.snapshot.reader, agreementId, terms, this.tally, narrowing)
  }
}
