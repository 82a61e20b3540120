import { sql, type Kysely } from 'kysely'
import type { Database, SearchKind } from '../store/database.js'

/** What a link to a record needs: its own slug (an action's too: it has a page), and the theme and topic it stands under. */
export interface RecordLocation {
  kind: SearchKind
  recordId: number
  slug: string | null
  themeSlug: string | null
  topicTitle: string | null
}

/**
 * Where each of the given records stands (one statement, whatever their kinds):
 * themes, portfolios and districts by their slug; topics, actions and targets
 * by the theme and topic above them. Returned in the order asked.
 */
export async function recordLocations(db: Kysely<Database>, records: readonly { kind: SearchKind; recordId: number }[]): Promise<RecordLocation[]> {
  if (records.length === 0) return []
  const wanted = sql.join(records.map((r) => sql`(${r.kind}, ${r.recordId})`))
  const result = await sql<{ kind: SearchKind; record_id: number; slug: string | null; theme_slug: string | null; topic_title: string | null }>`
    WITH wanted(kind, record_id) AS (VALUES ${wanted})
    SELECT w.kind, w.record_id,
      coalesce(th.slug, p.slug, d.slug, CASE WHEN w.kind = 'action' THEN a.slug END) AS slug,
      coalesce(th.slug, tt.slug) AS theme_slug,
      t.title AS topic_title
    FROM wanted w
    LEFT JOIN theme th ON w.kind = 'theme' AND th.id = w.record_id
    LEFT JOIN portfolio p ON w.kind = 'portfolio' AND p.id = w.record_id
    LEFT JOIN district d ON w.kind = 'district' AND d.id = w.record_id
    LEFT JOIN target g ON w.kind = 'target' AND g.id = w.record_id
    LEFT JOIN action a ON (w.kind = 'action' AND a.id = w.record_id) OR (w.kind = 'target' AND a.id = g.action_id)
    LEFT JOIN topic t ON (w.kind = 'topic' AND t.id = w.record_id) OR (w.kind IN ('action', 'target') AND t.id = a.topic_id)
    LEFT JOIN theme tt ON tt.id = t.theme_id`.execute(db)
  const byKey = new Map(result.rows.map((r) => [`${r.kind}:${r.record_id}`, r]))
  return records.map(({ kind, recordId }) => {
    const row = byKey.get(`${kind}:${recordId}`)
    return { kind, recordId, slug: row?.slug ?? null, themeSlug: row?.theme_slug ?? null, topicTitle: row?.topic_title ?? null }
  })
}
