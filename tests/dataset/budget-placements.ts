import type { BudgetFile } from '../../src/data/data-schema.js'

/** One budget line as the table prints it: its amounts in order, years unknown. */
export interface PrintedLine {
  slug: string
  amounts: number[]
}

/** A placement: for each line, the years its printed amounts stand in. */
export type Placement = Map<string, number[]>

/** The printed lines of a budget file, with amounts in thousands as the table prints them. */
export function printedLines(budget: BudgetFile): PrintedLine[] {
  return budget.categories.flatMap((c) => c.budget_lines.map((l) => ({
    slug: l.slug,
    amounts: Object.entries(l.amounts).sort(([a], [b]) => a.localeCompare(b)).map(([, amount]) => amount / 1000),
  })))
}

/** Every way to give k amounts k distinct years, keeping their printed order. */
function yearChoices(years: readonly number[], k: number): number[][] {
  if (k === 0) return [[]]
  return years.flatMap((year, i) => yearChoices(years.slice(i + 1), k - 1).map((rest) => [year, ...rest]))
}

/**
 * Every placement of the printed amounts over the table's years whose per-year
 * sums equal the published totals. `options` narrows the years a line may take:
 * it returns the allowed year lists for a line, given all of them.
 */
export function placementsMeetingTotals(
  lines: readonly PrintedLine[], totals: Record<number, number>,
  options: (line: PrintedLine, all: number[][]) => number[][] = (_, all) => all,
): Placement[] {
  const years = Object.keys(totals).map(Number).sort()
  // Largest amounts first: a year overflows early and the search prunes the rest.
  lines = [...lines].sort((a, b) => Math.max(...b.amounts) - Math.max(...a.amounts))
  const choices = lines.map((l) => options(l, yearChoices(years, l.amounts.length)))
  const found: Placement[] = []
  const chosen: number[][] = []
  const remaining = new Map(years.map((y) => [y, totals[y]!]))
  const place = (i: number): void => {
    if (i === lines.length) {
      if ([...remaining.values()].every((r) => Math.abs(r) < 1e-9)) found.push(new Map(lines.map((l, j) => [l.slug, chosen[j]!])))
      return
    }
    for (const choice of choices[i]!) {
      choice.forEach((y, j) => remaining.set(y, remaining.get(y)! - lines[i]!.amounts[j]!))
      if (choice.every((y) => remaining.get(y)! > -1e-9)) {
        chosen[i] = choice
        place(i + 1)
      }
      choice.forEach((y, j) => remaining.set(y, remaining.get(y)! + lines[i]!.amounts[j]!))
    }
  }
  place(0)
  return found
}

/** The lines that stand in the same years in every placement given. */
export function forcedLines(placements: readonly Placement[]): Map<string, number[]> {
  const [first, ...rest] = placements
  const forced = new Map<string, number[]>()
  for (const [slug, years] of first ?? []) {
    if (rest.every((p) => p.get(slug)!.join() === years.join())) forced.set(slug, years)
  }
  return forced
}
