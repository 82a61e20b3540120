/**
 * The one IRI the publication gives CC0 1.0, in every format and on every
 * page: the value data.overheid.nl's licence list (DCAT-AP-DONL) uses, which
 * the catalogue states is the EU licence vocabulary's CC0 (skos:exactMatch).
 */
export const cc0Iri = 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl'
