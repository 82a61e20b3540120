/**
 * A place's name as a whole word: "de Lariks" matches "Lariks" (the article is
 * not needed), "binnenstad" matches the heading "Binnenstad" (a first letter
 * in either case), but not "Binnenstadvisie", "centrumgemeente" or the
 * "Centrum" inside "Asielzoekerscentrum".
 */
export function placePattern(name: string): RegExp {
  const bare = name.replace(/^de /i, '')
  const first = bare[0]!
  const head = first.toLowerCase() === first.toUpperCase() ? escape(first) : `[${first.toLowerCase()}${first.toUpperCase()}]`
  return new RegExp(`(?<![\\p{L}-])${head}${escape(bare.slice(1))}(?![\\p{L}-])`, 'u')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
