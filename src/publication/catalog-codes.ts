import { cc0Iri } from '../model/cc0.js'
import { ns } from './vocabulary.js'

const eu = 'http://publications.europa.eu/resource/authority/'

/** Values from code lists the catalogue draws on (EU vocabularies, the Dutch government's, IANA). */
export const codes = {
  // data.overheid.nl's licence value list names CC0 by its Dutch deed; it is the EU vocabulary's CC0.
  licence: cc0Iri,
  euCc0: `${eu}licence/CC0`,
  dutch: `${eu}language/NLD`,
  netherlands: `${eu}country/NLD`,
  public: `${eu}access-right/PUBLIC`,
  irregular: `${eu}frequency/IRREG`,
  dataThemes: `${eu}data-theme`,
  government: `${eu}data-theme/GOVE`,
  // DCAT-AP-DONL draws themes from the Taxonomie Beleidsagenda.
  donlGovernance: 'http://standaarden.overheid.nl/owms/terms/Bestuur',
  fileType: (code: string) => `${eu}file-type/${code}`,
  mediaType: (type: string) => `https://www.iana.org/assignments/media-types/${type}`,
  sha256: `${ns.spdx}checksumAlgorithm_sha256`,
  graphqlSpec: 'https://spec.graphql.org/October2021/',
  sqliteFormat: 'https://www.sqlite.org/fileformat.html',
} as const
