import { recordRevision } from '../editorial/record-revision.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import { defaultRound, listRounds } from '../editorial/reporting-rounds.js'
import { progressSnapshot } from '../editorial/served-public-view.js'
import { readWorksheetRows, type WorksheetRowError } from '../editorial/worksheet-rows.js'
import { fileSize } from '../reports/dutch-text.js'
import { beheerLayout } from '../web/beheer/beheer-layout.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { readWorksheetFile, writeWorksheetFile } from '../web/beheer/worksheet-file.js'
import { worksheetPage } from '../web/beheer/worksheet-page.js'
import type { BeheerContext } from './beheer-pages.js'
import { redirectTo, sendBeheerPage } from './beheer-responses.js'

/** A refusal inside the import's transaction: everything recorded before it is rolled back. */
class WorksheetRefusedError extends Error {
  readonly code = 'WORKSHEET_REFUSED'
  constructor(readonly errors: WorksheetRowError[]) {
    super('a worksheet row was refused')
  }
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The worksheet of a round: its page, its download, and its upload (all rows as drafts, or none). */
export async function handleWorksheet(ctx: BeheerContext): Promise<boolean> {
  const path = ctx.url.pathname
  if (path === beheerPaths.worksheetFile && !ctx.form) return download(ctx)
  if (path === beheerPaths.worksheet && ctx.tooLarge) return show(ctx, 413, [{ row: 0, action: '', messages: [tooLargeMessage(ctx.worksheetMaxBytes)] }], null)
  if (path === beheerPaths.worksheet) return ctx.form ? upload(ctx) : show(ctx, 200, [], ctx.url.searchParams.has('gedaan') ? `${ctx.url.searchParams.get('aantal') ?? ''} concepten opgeslagen. Een collega-beoordelaar kan ze nu publiceren.` : null)
  return false
}

/** Why a worksheet over WORKSHEET_MAX_BYTES was not read, and what to do about it. */
const tooLargeMessage = (maxBytes: number) => `Het bestand is groter dan ${fileSize(maxBytes)}, de grootte die het beheer aanneemt. Er is niets ingelezen en niets opgeslagen; `
  + 'wat al is opgeslagen, blijft staan. Sla het werkblad in Excel of LibreOffice op als Excel-werkmap (xlsx), zonder afbeeldingen of extra tabbladen, en upload het opnieuw.'

const roundOf = async (ctx: BeheerContext) => defaultRound(await listRounds(ctx.store, ctx.view.agreement.slug))

async function show(ctx: BeheerContext, status: number, errors: WorksheetRowError[], notice: string | null): Promise<true> {
  return sendBeheerPage(ctx.response, status, beheerLayout({
    title: 'Werkblad', content: worksheetPage(await roundOf(ctx), ctx.session.csrfToken, { errors, notice }, ctx.worksheetMaxBytes), theme: ctx.theme, session: ctx.session,
    trail: [{ label: 'Beheer', href: beheerPaths.actions }, { label: 'Werkblad' }],
  }))
}

async function download(ctx: BeheerContext): Promise<true> {
  const round = await roundOf(ctx)
  const bytes = await writeWorksheetFile(ctx.view, await progressSnapshot(ctx.store, ctx.view.agreement.slug), round)
  ctx.response.writeHead(200, {
    'content-type': xlsxType, 'content-length': String(bytes.length), 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow',
    'content-disposition': `attachment; filename="werkblad-${round?.slug ?? 'voortgang'}.xlsx"`,
  })
  ctx.response.end(bytes)
  return true
}

async function upload(ctx: BeheerContext): Promise<true> {
  const bytes = ctx.files.get('werkblad')
  const rows = bytes && bytes.length > 0 ? await readWorksheetFile(bytes) : null
  if (!rows) return await show(ctx, 422, [{ row: 0, action: '', messages: ['Dit is geen werkblad (xlsx). Upload het werkblad dat u hier hebt gedownload.'] }], null)
  // A copy of a commitment (same_as) is recorded on its canonical action, as the record form does.
  const canonical = canonicalSlugs(ctx.view.actions.map((a) => a.action))
  const keys = {
    actions: new Map(ctx.view.actions.map((a) => [a.action.slug, canonical.get(a.action.slug) ?? a.action.slug])),
    targets: new Set(ctx.view.actions.flatMap((a) => a.targets.map((t) => t.slug))),
  }
  const now = new Date()
  const { inputs, errors } = readWorksheetRows(rows, ctx.view.agreement.slug, keys, now)
  if (errors.length > 0) return await show(ctx, 422, errors, null)
  if (inputs.length === 0) return await show(ctx, 422, [{ row: 0, action: '', messages: ['Het werkblad heeft geen ingevulde rij: vul per afspraak of doel de kolommen vanaf “Nieuwe status” in.'] }], null)
  const actor = { account: ctx.session.account, ...ctx.origin, now }
  try {
    await ctx.store.transaction(async () => {
      for (const input of inputs) {
        const outcome = await recordRevision(ctx.store, actor, input)
        if (!outcome.record) throw new WorksheetRefusedError([{ row: 0, action: input.subject?.slug ?? '', messages: outcome.userErrors.map((e) => e.message) }])
      }
    })
  } catch (error) {
    if (error instanceof WorksheetRefusedError) return await show(ctx, 409, error.errors, null)
    throw error
  }
  return redirectTo(ctx.response, `${beheerPaths.worksheet}?gedaan=1&aantal=${inputs.length}`)
}
