import type { SearchKind } from '../store/database.js'
import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { RecordLocation } from './record-locations.js'
import type { TopicRecord } from './records.js'

/**
 * Where a record stands, read from the snapshot: the same answer as
 * recordLocations' SQL. Themes, portfolios, districts and actions by their slug;
 * topics, actions and targets by the theme and topic above them.
 */
export function locationOf(snapshot: AgreementSnapshot, kind: SearchKind, recordId: number): RecordLocation {
  let slug: string | null = null
  let topic: TopicRecord | null = null
  let themeSlug: string | null = null
  if (kind === 'theme') slug = themeSlug = snapshot.byId('theme', recordId)?.slug ?? null
  else if (kind === 'portfolio') slug = snapshot.byId('portfolio', recordId)?.slug ?? null
  else if (kind === 'district') slug = snapshot.byId('district', recordId)?.slug ?? null
  else if (kind === 'topic') topic = snapshot.byId('topic', recordId)
  else if (kind === 'action' || kind === 'target') {
    const actionId = kind === 'action' ? recordId : snapshot.byId('target', recordId)?.actionId
    const action = actionId === undefined ? null : snapshot.byId('action', actionId)
    if (kind === 'action') slug = action?.slug ?? null
    const topicId = action?.topicId ?? null
    topic = topicId === null ? null : snapshot.byId('topic', topicId)
  }
  if (topic) themeSlug = snapshot.byId('theme', topic.themeId)?.slug ?? null
  return { kind, recordId, slug, themeSlug, topicTitle: topic?.title ?? null }
}
