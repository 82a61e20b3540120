import type { ActionRecord } from '../read-model/records.js'
import { quoteContext } from '../read-model/text-paragraphs.js'
import type { Loaders } from './loaders.js'

/** The paragraph that holds an action, from its topic or section and its agreement in the request's snapshot. */
export function actionContext(loaders: Loaders, action: ActionRecord): string | null {
  const agreement = loaders.agreementById(action.agreementId)
  const snapshot = loaders.of(action.agreementId)
  const passage = action.topicId !== null ? snapshot.byId('topic', action.topicId)
    : action.sectionId !== null ? snapshot.byId('section', action.sectionId) : null
  if (!agreement || !passage) return null
  try {
    return quoteContext(agreement, passage, action.text)
  } catch {
    // A database built from a source file this server does not hold (a synthetic set) has no paragraphs to show.
    return null
  }
}
