import { builder } from '../builder.js'

/** The documented vocabulary of action kinds (db/README.md, "Actions"). */
export const ActionKindEnum = builder.enumType('ActionKind', {
  description: 'What kind of commitment an action is. The vocabulary and its typical wordings are documented with the dataset (db/README.md).',
  values: {
    NEW: { value: 'new', description: 'Start something that did not exist: a policy, fund, programme, rule, instrument or building ("We maken een apart fonds", "We ontwikkelen").' },
    CONTINUE: { value: 'continue', description: 'Carry on with existing policy ("We gaan door met", "We blijven", "krijgt een vervolg", "We houden vast aan").' },
    INTENSIFY: { value: 'intensify', description: 'Do more of, or strengthen, existing policy ("We versterken", "uitbreiden", "stevig inzetten op", "extra inzetten").' },
    INVESTIGATE: { value: 'investigate', description: 'Research, explore, experiment, pilot or evaluate before deciding ("We onderzoeken", "vooronderzoek", "experimenteren", "evalueren").' },
    ADVOCATE: { value: 'advocate', description: 'Press other governments or bodies, such as the Rijk or the provincie ("We zetten ons in voor", "vragen aandacht voor").' },
    CONSULT: { value: 'consult', description: 'Talk with, or involve, residents, partners or the council ("gaan in gesprek", "bespreken met de raad", "betrekken de raad").' },
    SUPPORT: { value: 'support', description: 'Support or facilitate the initiatives of others ("ondersteunen we", "faciliteren", "helpen").' },
  } as const,
})
