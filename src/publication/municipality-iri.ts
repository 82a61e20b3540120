import { cc0Iri } from '../model/cc0.js'

/**
 * Municipalities by name with their TOOI code (the Dutch government's register
 * of organisations, which DCAT-AP-NL 3.0 prescribes for Dutch bodies); a name
 * not listed gets the OWMS term for the municipality, which names every one.
 */
const tooiCodes: Record<string, string> = { Assen: 'gm0106' }

/** The IRI of a municipality: TOOI where its code is known, else the OWMS term. */
export function municipalityIri(name: string): string {
  const code = tooiCodes[name]
  return code ? `https://identifier.overheid.nl/tooi/id/gemeente/${code}` : `http://standaarden.overheid.nl/owms/terms/${encodeURIComponent(name)}_(gemeente)`
}

/** The IRI of an SPDX licence identifier (the data's `license`): CC0 by the publication's one CC0 IRI. */
export const licenceIri = (spdx: string): string => (spdx === 'CC0-1.0' ? cc0Iri : `http://spdx.org/licenses/${encodeURIComponent(spdx)}`)
