import type { ActionRecord } from '../read-model/records.js'
import { quoteContext } from '../read-model/text-paragraphs.js'
import type { Loaders } from './loaders.js'

/** Loads an action's topic or section and its agreement, and returns the paragraph that holds the action. */
export async function actionContext(loaders: Loaders, action: ActionRecord): Promise<string | null> {
  const [agreement, passage] = await Promise.all([
    loaders.byId('agreement').load(action.agreementId),
    action.topicId !== null ? loaders.byId('topic').load(action.topicId)
      : action.sectionId !== null ? loaders.byId('section').load(action.sectionId) : null,
  ])
  if (!agreement || !passage) return null
  try {
    return quoteContext(agreement, passage, action.text)
  } catch {
    // A database built from a source file this server does not hold (a synthetic set) has no paragraphs to show.
    return null
  }
}
