/** The formats the publication writes, with what a harvester needs to know about each. */
export const fileFormats = {
  csv: { mediaType: 'text/csv', euFileType: 'CSV', label: 'CSV' },
  // NDJSON has no IANA registration and no EU file type (a file of JSON lines is not one JSON document): the
  // catalogue states none rather than an unregistered x- type; the title says what the file is.
  ndjson: { mediaType: null, euFileType: null, label: 'NDJSON (newline-delimited JSON)' },
  json: { mediaType: 'application/json', euFileType: 'JSON', label: 'JSON' },
  jsonld: { mediaType: 'application/ld+json', euFileType: 'JSON_LD', label: 'JSON-LD' },
  turtle: { mediaType: 'text/turtle', euFileType: 'RDF_TURTLE', label: 'Turtle' },
  sqlite: { mediaType: 'application/vnd.sqlite3', euFileType: null, label: 'SQLite database' },
  zip: { mediaType: 'application/zip', euFileType: 'ZIP', label: 'ZIP archive' },
  text: { mediaType: 'text/plain', euFileType: 'TXT', label: 'Plain text' },
  feed: { mediaType: 'application/atom+xml', euFileType: null, label: 'Atom feed' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', euFileType: 'XLSX', label: 'Excel workbook' },
} as const satisfies Record<string, { mediaType: string | null; euFileType: string | null; label: string }>

export type FileFormat = keyof typeof fileFormats

/** One file of the publication as the catalogue and SHA256SUMS describe it. */
export interface PublishedFile {
  /** POSIX path inside the publication directory. */
  path: string
  format: FileFormat
  /** What a portal shows as the distribution's name, in Dutch and English. */
  title: { nl: string; en: string }
  description: { nl: string; en: string }
  bytes: number
  sha256: string
}
