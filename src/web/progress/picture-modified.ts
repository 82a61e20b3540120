import type { RoundPicture } from '../../editorial/round-picture.js'

/**
 * When a progress page last changed, as a W3C date for the sitemap: the
 * latest of the data version (the agreement's text), the round's opening and
 * closing (the page says whether it can still change) and the latest
 * publication its picture shows. A closed round's picture is frozen, so its
 * date stays put when later rounds publish.
 */
export function pictureModified(picture: RoundPicture, dataVersion: string): string {
  const { round } = picture
  const dates = [dataVersion, round?.openedAt, round?.closedAt, picture.recent(1)[0]?.publication?.publishedAt]
  return dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)).sort().at(-1)!
}
