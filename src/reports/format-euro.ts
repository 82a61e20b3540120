/**
 * Dutch number notation, one convention for every report: whole euros with a
 * point per thousand and a no-break space after the euro sign ("€ 11.515.000"),
 * so an amount never wraps apart. Intl's nl-NL leaves four-digit numbers
 * ungrouped ("4000"); the budget table needs "4.000" next to "11.515", so the
 * grouping is done here.
 */

/** 11515000 → "11.515.000". */
export function formatNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a whole number, got ${value}`)
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return value < 0 ? `-${digits}` : digits
}

/** 11515000 → "€ 11.515.000" (with a no-break space). */
export function formatEuro(value: number): string {
  return `€\u00a0${formatNumber(value)}`
}
