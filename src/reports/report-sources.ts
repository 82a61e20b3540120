import type { StoreLease } from '../store/store-lease.js'
import type { Store } from '../store/open-database.js'
import type { ReportSource } from './build-report.js'
import { findReportAgreement, loadReportSource } from './load-report-source.js'
import type { AgreementRecord } from '../read-model/records.js'
import { ReportCache } from './report-cache.js'

/**
 * Where report builders get their database for each request. The server's
 * StoreHolder is one: after a SIGHUP reopen, requests lease the new file and
 * the old one closes when the last lease on it is released.
 */
export interface StoreProvider {
  acquire(): StoreLease
}

/** A provider that always hands out the same open store, for the CLI and tests. */
export function fixedStore(store: Store): StoreProvider {
  return { acquire: () => ({ store, generation: 1, release() {} }) }
}

/**
 * The agreements read whole for the report builders, shared by the reports
 * route and the web site so each is read once per database generation. Keyed
 * by generation, not data version: a rebuild under the same version still
 * gives new data once the server reopens the file.
 */
export class ReportSources {
  private readonly sources = new ReportCache<ReportSource>(8)

  constructor(private readonly baseUrl: string) {}

  /** The agreement (the current one when slug is null) and its report source; UnknownAgreementError when there is none. */
  async get(lease: StoreLease, agreementSlug: string | null): Promise<{ agreement: AgreementRecord; source: ReportSource }> {
    const agreement = await findReportAgreement(lease.store.db, agreementSlug)
    const source = await this.sources.getOrCreate(`${lease.generation}:${agreement.slug}`, () => loadReportSource(lease.store.db, agreement, this.baseUrl))
    return { agreement, source }
  }
}
