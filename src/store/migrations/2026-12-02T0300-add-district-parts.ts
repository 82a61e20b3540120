import { sql, type Kysely } from 'kysely'

/**
 * The parts of a district that the agreement names (the binnenstad, the
 * Stadskwartier for Centrum), each with the source lines that name it and why
 * the curators count it to the district. Actions that name a part are linked
 * to its district. Until the database is rebuilt the table is empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE district_part (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES district(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    inferred INTEGER NOT NULL CHECK (inferred IN (0, 1)),
    reason TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    CHECK (start_line >= 1 AND end_line >= start_line),
    UNIQUE (district_id, position), UNIQUE (district_id, name)
  )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE district_part`.execute(db)
}
