import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { contrastRatio } from './contrast-ratio.js'
import { ReportThemeError } from './report-errors.js'

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a #RRGGBB colour')
const schema = z.object({
  name: z.string().min(1),
  colors: z.object({
    primary: colour, primaryDark: colour, accent: colour, accentText: colour, text: colour, muted: colour,
    background: colour, tint: colour, rule: colour, onPrimary: colour, onPrimaryMuted: colour,
  }),
  fonts: z.object({
    family: z.string().regex(/^[A-Za-z][A-Za-z0-9 -]*$/), normal: z.string(), bold: z.string(), italics: z.string(),
    bolditalics: z.string(), htmlStack: z.string().regex(/^[A-Za-z0-9 ,"'-]+$/, 'must be a CSS font list: names, quotes and commas'),
  }),
  sizes: z.object({ body: z.number(), small: z.number(), table: z.number(), h1: z.number(), h2: z.number(), h3: z.number() }),
  page: z.object({ margins: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
  /** The municipality's own logo (PNG or JPEG, relative to the theme file) on the report covers; none is shipped. */
  logo: z.string().regex(/\.(png|jpe?g)$/i, 'must be a .png or .jpg file').nullable().optional(),
})

/** The house style: colours, fonts (absolute paths inside assetDir) and sizes. */
export type ReportTheme = z.infer<typeof schema> & { assetDir: string }
type Colour = keyof ReportTheme['colors']

/**
 * Colour pairs the renderers put text on, with the WCAG AA minimum each needs:
 * 4.5 for text, 3 for the bars and rules that carry meaning (1.4.11).
 */
const pairs: [Colour, Colour, number][] = [
  ['text', 'background', 4.5], ['muted', 'background', 4.5], ['primary', 'background', 4.5],
  ['accentText', 'background', 4.5], ['text', 'tint', 4.5], ['primary', 'tint', 4.5], ['muted', 'tint', 4.5],
  ['onPrimary', 'primary', 4.5], ['onPrimaryMuted', 'primary', 4.5], ['onPrimary', 'primaryDark', 4.5],
  ['accent', 'primary', 3],
]

/** Reads and checks a theme file; fails with the file and the problem named. */
export function loadReportTheme(path: string): ReportTheme {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ReportThemeError(path, error instanceof Error ? error.message : String(error))
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    throw new ReportThemeError(path, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  }
  const theme = parsed.data
  for (const [fore, back, minimum] of pairs) {
    const ratio = contrastRatio(theme.colors[fore], theme.colors[back])
    if (ratio < minimum) {
      throw new ReportThemeError(path, `colors.${fore} on colors.${back} has contrast ${ratio.toFixed(2)}, WCAG AA needs ${minimum}`)
    }
  }
  const assetDir = dirname(resolve(path))
  const font = (file: string) => resolve(assetDir, file)
  return {
    ...theme, assetDir, logo: theme.logo ? font(theme.logo) : null,
    fonts: { ...theme.fonts, normal: font(theme.fonts.normal), bold: font(theme.fonts.bold), italics: font(theme.fonts.italics), bolditalics: font(theme.fonts.bolditalics) },
  }
}
