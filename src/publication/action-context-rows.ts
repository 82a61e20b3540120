import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { listRecords } from '../read-model/list-records.js'
import { streamKeyedRecords, type KeyedRecord } from '../read-model/keyed-records.js'
import type { ActionRecord } from '../read-model/records.js'
import { quoteContext, type Passage } from '../read-model/text-paragraphs.js'

/** An action with the paragraph of the agreement that holds it. */
export type ActionWithContext = ActionRecord & { context: string | null }

/**
 * Streams the actions with their context, the paragraph around the sentence,
 * as the API's Action.context gives it: read from the topic or section text
 * and the agreement's source. Null when the source text is not at hand (a
 * synthetic benchmark database) or the sentence is not found. One agreement
 * at a time (the table's order: by agreement, then position), so only that
 * agreement's topics and sections, and the paragraphs cut from them, are
 * held, not every agreement's texts.
 */
export async function* actionsWithContext(db: Kysely<Database>): AsyncGenerator<KeyedRecord<'action'> & { record: ActionWithContext }> {
  const agreements = (await listRecords(db, 'agreement')).sort((a, b) => a.id - b.id)
  for (const agreement of agreements) {
    const filter = { agreementId: agreement.id }
    const [topics, sections] = await Promise.all([listRecords(db, 'topic', filter), listRecords(db, 'section', filter)])
    const passages = { topic: new Map<number, Passage>(topics.map((t) => [t.id, t])), section: new Map<number, Passage>(sections.map((s) => [s.id, s])) }
    for await (const row of streamKeyedRecords(db, 'action', filter)) {
      const action = row.record
      const passage = action.topicId !== null ? passages.topic.get(action.topicId) : action.sectionId !== null ? passages.section.get(action.sectionId) : undefined
      let context: string | null = null
      try {
        context = passage ? quoteContext(agreement, passage, action.text) : null
      } catch {
        // The source file is not the one the database quotes (or is missing): no paragraphs to cut.
      }
      yield { ...row, record: { ...action, context } }
    }
  }
}
