/** The addresses of the editorial screens. */
export const beheerPaths = {
  root: '/beheer',
  signIn: '/beheer/aanmelden',
  signOut: '/beheer/afmelden',
  actions: '/beheer',
  action: (slug: string) => `/beheer/afspraak/${encodeURIComponent(slug)}`,
  target: (slug: string) => `/beheer/doel/${encodeURIComponent(slug)}`,
  queue: '/beheer/beoordelen',
  publish: (revisionId: number) => `/beheer/beoordelen/${revisionId}/publiceren`,
  sendBack: (revisionId: number) => `/beheer/beoordelen/${revisionId}/terugsturen`,
  rounds: '/beheer/rondes',
  closeRound: (slug: string) => `/beheer/rondes/${encodeURIComponent(slug)}/sluiten`,
  overview: '/beheer/overzicht',
  myList: '/beheer/mijn-lijst',
  worksheet: '/beheer/werkblad',
  worksheetFile: '/beheer/werkblad.xlsx',
  assign: (slug: string) => `/beheer/afspraak/${encodeURIComponent(slug)}/toewijzen`,
} as const
