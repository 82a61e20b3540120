import { cc0Iri } from '../model/cc0.js'
import type { ChainStatement } from './chain-statement.js'
import { inferredValuesLines } from './inferred-values.js'
import type { Bilingual, PublicationMetadata } from './publication-metadata.js'
import type { PublishedFile } from './published-file.js'

export const readmePath = 'LEESMIJ.txt'
export const versionNotesPath = 'versienotities.txt'
export const commitmentsCsvPath = 'toezeggingen.csv'

/** How the data was made and which values are the curators' inferences: the catalogue's dct:provenance, and the LEESMIJ. */
export function provenanceStatement(metadata: PublicationMetadata): Bilingual {
  const { amounts, amountsTotal, portfolios, portfoliosTotal } = metadata.inferred
  const sources = metadata.agreements.length <= 3 ? metadata.agreements.map((a) => `${a.sourceFile} (SHA-256 ${a.sourceSha256})`).join(', ') : `${metadata.agreements.length} brontekstbestanden`
  return {
    nl: `Afgeleid van de tekst van het gepubliceerde PDF-document, als platte tekst (${sources}). Elk record citeert die tekst letterlijk (alleen witruimte en afbrekingen aan het regeleinde zijn genormaliseerd) en geeft de regels waar het staat. Wat niet letterlijk in de tekst staat, is door redacteuren afgeleid en zo gemarkeerd, met de reden: ${amounts} van de ${amountsTotal} begrotingsbedragen (inferred, inference_reason) en de houder van ${portfolios} van de ${portfoliosTotal} portefeuilles (assignment_inferred, assignment_reason). De indeling in soorten acties en de koppelingen tussen acties, portefeuilles, wijken en begrotingsposten zijn redactionele keuzes, beschreven in db/README.md van het project.`,
    en: `Derived from the text of the published PDF document, as plain text (${sources}). Every record quotes that text verbatim (only white space and hyphenation at line ends normalised) with the lines it stands on. What the text does not state literally was inferred by the curators and is marked so, with the reason: ${amounts} of the ${amountsTotal} budget amounts (inferred, inference_reason) and the holder of ${portfolios} of the ${portfoliosTotal} portfolios (assignment_inferred, assignment_reason). The kinds of action and the links between actions, portfolios, districts and budget lines are editorial choices, described in the project's db/README.md.`,
  }
}

/**
 * The Dutch LEESMIJ that travels with the data (in the zip and under /data/):
 * what each file is, how to open the tables in Excel, how the data was made,
 * how to cite this release, and the licence.
 */
export function readmeText(options: { metadata: PublicationMetadata; baseUrl: string; files: readonly Pick<PublishedFile, 'path' | 'description'>[]; notes: string; chain?: ChainStatement | null }): string {
  const { metadata, baseUrl } = options
  const release = `${baseUrl}/data/releases/${metadata.version}/`
  const files = [...options.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `- ${f.path}\n    ${f.description.nl}`)
  return [
    `${metadata.title.nl}`,
    `Versie ${metadata.version} (eerste uitgave ${metadata.issued})`,
    '',
    metadata.description.nl,
    '',
    'WAT ER IN DEZE VERSIE VERANDERD IS',
    '',
    options.notes,
    `Alle wijzigingen per record: ${versionNotesPath}.`,
    '',
    'DE BESTANDEN',
    '',
    `- ${readmePath}\n    Dit bestand.`,
    `- ${versionNotesPath}\n    De versienotities: wat er per tabel en per record veranderd is ten opzichte van de vorige versie.`,
    ...files,
    '',
    'OPENEN IN EXCEL',
    '',
    'Het makkelijkst: open open-akkoord.xlsx. Daarin staat op het eerste tabblad (Toezeggingen) elke toezegging op één',
    'regel met thema, onderwerp, soort, wethouders, begrotingsposten, doelen en bronregels, en daarna één tabblad per tabel',
    'met Nederlandse kolomkoppen, getallen als getallen en datums als datums.',
    '',
    'De CSV-bestanden volgen de standaard (RFC 4180: UTF-8, komma als scheidingsteken, aanhalingstekens rond tekst met een',
    'komma). Dubbelklikken in een Nederlandse Excel geeft één kolom en verminkte letters, omdat Excel dan een puntkomma',
    'en een oude tekenset verwacht. Open ze zo: Gegevens > Uit tekst/CSV, kies bestandsoorsprong "65001: Unicode (UTF-8)"',
    'en scheidingsteken "Komma", en klik op Laden. LibreOffice vraagt zelf naar tekenset en scheidingsteken.',
    '',
    'HOE DE DATA GEMAAKT IS',
    '',
    provenanceStatement(metadata).nl,
    '',
    ...(options.chain ? ['DE REDACTIONELE GESCHIEDENIS VAN DE VOORTGANG', '', ...options.chain.lines, ''] : []),
    'AFGELEIDE WAARDEN',
    '',
    ...(metadata.inferredValues.length
      ? ['Elke waarde die niet letterlijk in de tekst staat maar door de redactie is afgeleid, met de reden:', '', ...inferredValuesLines(metadata.inferredValues)]
      : ['De afgeleide waarden staan per record in de kolommen inferred, assignment_inferred, date_inferred en presented_on_inferred, met hun reden ernaast.', '']),
    'Elk record heeft een vaste ID (kolom id), dezelfde als in de GraphQL-API; kolommen die op _id eindigen verwijzen naar',
    'het record met die ID. Bedragen zijn hele euro\'s. Een lege cel betekent: geen waarde.',
    '',
    'CITEREN',
    '',
    `${metadata.publisherName} (${metadata.version.slice(0, 4)}). ${metadata.title.nl}, versie ${metadata.version}. ${release}`,
    `De nieuwste versie staat altijd op ${baseUrl}/data/, elke versie blijft beschikbaar onder ${baseUrl}/data/releases/.`,
    '',
    'LICENTIE',
    '',
    `Publiek domein: Creative Commons Zero 1.0 (CC0 1.0), ${cc0Iri}.`,
    'U mag de data zonder voorwaarden gebruiken, bewerken en verspreiden, ook commercieel. Bronvermelding wordt gewaardeerd.',
    '',
    `Vragen: ${metadata.contactEmail}`,
    '',
  ].join('\n')
}
