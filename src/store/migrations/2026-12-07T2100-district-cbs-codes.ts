import { sql, type Kysely } from 'kysely'

/**
 * A district's CBS area codes, so it can be joined with CBS statistics: its
 * wijk code and, where the agreement's district maps to buurten, their codes
 * (separated by spaces), with the year of the CBS list they were checked
 * against; or, while there are none, the reason in Dutch (db/README.md,
 * "District codes (CBS)"). The CHECKs repeat part of the data's rule in the
 * store: codes only in Assen's form, and a year exactly when there is a code.
 * That a district without codes gives a reason is the data's rule alone:
 * until the database is rebuilt every district has neither codes nor reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE district ADD COLUMN cbs_wijk_code TEXT CHECK (cbs_wijk_code GLOB 'WK0106[0-9][0-9]')`.execute(db)
  await sql`ALTER TABLE district ADD COLUMN cbs_buurt_codes TEXT CHECK (
    cbs_buurt_codes GLOB 'BU0106[0-9][0-9][0-9][0-9]*' AND cbs_buurt_codes NOT GLOB '*[^ 0-9BU]*' AND length(cbs_buurt_codes) % 11 = 10
  )`.execute(db)
  await sql`ALTER TABLE district ADD COLUMN cbs_code_year INTEGER CHECK (
    cbs_code_year BETWEEN 1990 AND 2100 AND (cbs_code_year IS NULL) = (cbs_wijk_code IS NULL AND cbs_buurt_codes IS NULL)
  )`.execute(db)
  await sql`ALTER TABLE district ADD COLUMN cbs_code_reason TEXT CHECK (cbs_code_reason <> '')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE district DROP COLUMN cbs_code_reason`.execute(db)
  await sql`ALTER TABLE district DROP COLUMN cbs_code_year`.execute(db)
  await sql`ALTER TABLE district DROP COLUMN cbs_buurt_codes`.execute(db)
  await sql`ALTER TABLE district DROP COLUMN cbs_wijk_code`.execute(db)
}
