/** A document with the text between two marker lines replaced (the markers kept): the parts of docs/api.md `npm run schema` writes. */
export function withGenerated(document: string, markers: { start: string; end: string }, text: string): string {
  const from = document.indexOf(markers.start)
  const to = document.indexOf(markers.end)
  if (from === -1 || to === -1) throw new Error(`the document has lost the markers "${markers.start}"`)
  return `${document.slice(0, from)}${markers.start}\n${text}\n${document.slice(to)}`
}
