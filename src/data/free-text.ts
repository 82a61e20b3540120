import { z } from 'zod'

/** Longest values accepted: a name or title is a line; a quoted text is at most a long section of the agreement. */
export const textLimits = { name: 300, text: 20_000 } as const

/** Largest data file read at all: the whole agreement's data is a few hundred kilobytes. */
const maxDataFileBytes = 5_000_000

/**
 * Characters that have no place in the data: C0 controls other than tab and
 * newline (NUL, terminal escapes), DEL, C1 controls, the replacement character
 * (a sign of text that was not UTF-8), bidirectional overrides (which can make
 * text read differently than it is stored) and unpaired surrogates.
 */
const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** A trimmed, non-empty free-text value of at most `maxLength` characters with no control characters. */
export function freeText(maxLength: number) {
  return z.string().trim().min(1).max(maxLength, `is longer than ${maxLength} characters`).superRefine((value, context) => {
    const found = forbidden.exec(value)
    if (!found) return
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    context.addIssue({ code: z.ZodIssueCode.custom, message: `holds the character U+${code} at position ${found.index + 1}; control characters, bidirectional overrides and U+FFFD are not allowed` })
  })
}

/**
 * Licences the data may be published under, by SPDX identifier, each with the
 * IRI that DCAT and the Data Package name it by. Either form is accepted.
 */
const allowedLicences: Readonly<Record<string, string>> = {
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'PDDL-1.0': 'https://opendatacommons.org/licenses/pddl/1-0/',
}

export const licence = z.string().trim().refine(
  (value) => value in allowedLicences || Object.values(allowedLicences).includes(value),
  { message: `must be one of the allowed licences: ${Object.entries(allowedLicences).map(([id, iri]) => `${id} (${iri})`).join(', ')}` },
)

/** The text of a data file: its bytes must be UTF-8 (a stray Latin-1 byte would otherwise become U+FFFD in silence). */
export function decodeDataFile(bytes: Uint8Array): string {
  if (bytes.byteLength > maxDataFileBytes) throw new Error(`the file is ${bytes.byteLength} bytes; at most ${maxDataFileBytes} are read`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Decoded leniently, the first bad byte is the first U+FFFD: its line tells the curator where to look.
    const lenient = new TextDecoder('utf-8').decode(bytes)
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length
    throw new Error(`the file is not valid UTF-8 (first bad byte on line ${line})`)
  }
}
