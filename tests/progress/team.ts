import type { startEditorialServer } from '../editorial/support.js'
import { BeheerClient } from '../web/beheer-client.js'

type EditorialServer = Awaited<ReturnType<typeof startEditorialServer>>

/** The commitment the team's tests record progress on, and its /beheer page. */
export const housing = 'woonvisie-3000-woningen-als-minimum'
export const actionPath = `/beheer/afspraak/${housing}`

/** The record form of an assessment, typed the Dutch way, with one source. */
export const statusForm = (status: string, explanation: string) => ({
  status, asOf: '31-12-2025', explanation, expectedRevision: '',
  'evidence-0-title': 'Raadsinformatiebrief woningbouw', 'evidence-0-url': 'https://www.assen.nl/rib', 'evidence-0-kind': 'raadsinformatiebrief',
})

/** A team signed in to /beheer, one browser-like client per member: eva edits, rob reviews, ada administers. */
export async function signInTeam(server: EditorialServer, members: readonly (readonly [string, 'editor' | 'reviewer' | 'admin'])[] = [['eva', 'editor'], ['rob', 'reviewer'], ['ada', 'admin']]): Promise<Record<string, BeheerClient>> {
  const team: Record<string, BeheerClient> = {}
  for (const [name, role] of members) {
    team[name] = new BeheerClient(server.base)
    await team[name]!.signIn(await server.account(name, role))
  }
  return team
}
