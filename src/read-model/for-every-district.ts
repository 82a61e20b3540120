// Any word that starts with "wijk": wijk, wijken, wijkgericht, wijkbezoek, wijkwethouder...
const districtsInGeneral = /(?<!\p{L})wijk/iu

/**
 * Whether a commitment that names no district holds for the districts in general ("in iedere wijk",
 * "wijkgericht"): its text or its topic's heading speaks of wijken. A district's page, its report and the API's
 * District.progressSummary(includeEveryDistrict: true) count these beside the commitments that name the district.
 */
export function isForEveryDistrict(actionText: string, topicTitle: string | undefined): boolean {
  return districtsInGeneral.test(actionText) || districtsInGeneral.test(topicTitle ?? '')
}
