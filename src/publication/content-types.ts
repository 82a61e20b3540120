/** Content-Type by file extension (or name, for SHA256SUMS); text types say UTF-8. */
const types: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  sqlite: 'application/vnd.sqlite3',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  SHA256SUMS: 'text/plain; charset=utf-8',
}

/** The Content-Type a publication file is served with. */
export function contentTypeOf(path: string): string {
  const name = path.split('/').at(-1) ?? ''
  return types[name] ?? types[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream'
}
