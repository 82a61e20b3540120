import { builder } from '../builder.js'

/** The kinds of the sections that are not themes (src/store/database.ts sectionKinds). */
export const SectionKindEnum = builder.enumType('SectionKind', {
  description: 'What a section of the agreement (other than a theme) is.',
  values: {
    FOREWORD: { value: 'foreword', description: 'The foreword addressed to the residents ("Beste Assenaren").' },
    VISION: { value: 'vision', description: 'The opening vision of the municipality in the future ("Visie Assen 2030").' },
    GOVERNANCE: { value: 'governance', description: 'The governance style: how the college intends to work.' },
    GOVERNANCE_PART: { value: 'governance_part', description: 'A part of the governance style section; its actions have no theme or topic.' },
    SIGNATORIES: { value: 'signatories', description: 'The signatures of the parties\' representatives.' },
    BUDGET: { value: 'budget', description: 'The financial table ("Financiële doorrekening").' },
    PORTFOLIOS: { value: 'portfolios', description: 'The division of portfolios among the aldermen.' },
    CONTACT: { value: 'contact', description: 'Contact details.' },
  } as const,
})
