import { isCalendarDate } from './validate-revision.js'

/** A value read from Dutch input, or the Dutch reason it was refused. */
export type DutchReading<T> = { ok: true; value: T } | { ok: false; message: string }

const refuse = (message: string): DutchReading<never> => ({ ok: false, message })

/**
 * Reads a number typed the Dutch way: a dot groups thousands ("1.850" is 1850,
 * "12.500,75" is 12500.75) and a comma is the decimal sign ("1,5" is 1.5). What
 * could mean two things is refused rather than guessed: "1,850" (1,85 or the
 * English 1850?), "1.5" (a dot that groups no thousands), or both signs in the
 * English order. A number as a spreadsheet stores it is passed as a number, not
 * through here.
 */
export function readDutchNumber(input: string): DutchReading<number> {
  const text = input.replace(/[\s\u00A0\u202F]/g, '')
  if (text === '') return refuse('Vul een getal in.')
  if (text.startsWith('-')) return refuse('Vul een getal in van 0 of meer.')
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) }
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return { ok: true, value: Number(text.replace(/\./g, '').replace(',', '.')) }
  if (/^\d{1,3},\d{3}$/.test(text)) {
    const whole = text.replace(',', '')
    const decimal = /0$/.test(text) ? text.replace(/0+$/, '') : `${text}0`
    return refuse(`“${text}” is niet eenduidig: bedoelt u ${whole} of een decimaal getal? Schrijf ${whole} of ${Number(whole).toLocaleString('nl-NL')} voor een heel getal, ${decimal} voor een decimaal getal.`)
  }
  if (/^\d+,\d+$/.test(text)) return { ok: true, value: Number(text.replace(',', '.')) }
  if (/^\d+\.\d+$/.test(text)) return refuse(`“${text}” is niet eenduidig: een punt scheidt in het Nederlands duizendtallen. Schrijf een decimaal getal met een komma (${text.replace('.', ',')}).`)
  if (/^[\d.,]+$/.test(text)) return refuse(`“${text}” is geen getal in Nederlandse schrijfwijze. Gebruik een punt voor duizendtallen en een komma voor decimalen, bijvoorbeeld 1.850 of 12,5.`)
  return refuse(`“${text.slice(0, 40)}” is geen getal. Vul alleen cijfers in, bijvoorbeeld 1850 of 12,5.`)
}

/**
 * Reads a date typed the Dutch way, day first: "31-12-2025", "31/12/2025",
 * "31.12.2025" or "1-2-2026" (1 February); also YYYY-MM-DD as a date field
 * sends it. A two-digit year or a date that does not exist is refused.
 */
export function readDutchDate(input: string): DutchReading<string> {
  const text = input.trim()
  if (text === '') return refuse('Vul een datum in, bijvoorbeeld 31-12-2025.')
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
    const [y, m, d] = text.split('-')
    return calendar(text, y!, m!, d!)
  }
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text)
  if (!dutch) return refuse(`“${text.slice(0, 40)}” is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 31-12-2025.`)
  if (dutch[3]!.length === 2) return refuse(`“${text}” heeft een jaar van twee cijfers. Schrijf het jaar voluit, bijvoorbeeld ${dutch[1]}-${dutch[2]}-20${dutch[3]}.`)
  return calendar(text, dutch[3]!, dutch[2]!, dutch[1]!)
}

function calendar(text: string, year: string, month: string, day: string): DutchReading<string> {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isCalendarDate(iso) ? { ok: true, value: iso } : refuse(`“${text}” bestaat niet als datum (dag-maand-jaar).`)
}

/** A date of the Dutch calendar as people write it: "2025-12-31" → "31-12-2025". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}-${m}-${y}`
}
