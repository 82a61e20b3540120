/** A term of the vocabulary in both languages: label and definition. */
export interface TermText {
  nl: [label: string, definition: string]
  en: [label: string, definition: string]
}

/** The class every record of an agreement belongs to: the domain of the properties several kinds of record share. */
export const agreementRecordClass = 'AgreementRecord'

/**
 * The project's own classes in Dutch and English. Written here rather than
 * taken from the tables' English descriptions, because a vocabulary defines
 * what a thing is, not what a file holds.
 */
export const classTexts: Record<string, TermText> = {
  [agreementRecordClass]: { nl: ['Onderdeel van een akkoord', 'Een record dat uit de tekst van een bestuursakkoord is gehaald of erbij hoort.'], en: ['Agreement record', 'A record taken from, or belonging to, the text of a coalition agreement.'] },
  Agreement: { nl: ['Bestuursakkoord', 'Een coalitieakkoord (bestuursakkoord) van een gemeente voor een raadsperiode.'], en: ['Agreement', 'A coalition agreement of a municipality for a council term.'] },
  Party: { nl: ['Partij', 'Een coalitiepartij die het akkoord sluit.'], en: ['Party', 'A coalition party that makes the agreement.'] },
  Section: { nl: ['Hoofdstuk', 'Een deel van het akkoord dat geen thema is: voorwoord, visie, bestuursstijl, ondertekening, begroting, portefeuilles, contact.'], en: ['Section', 'A part of the agreement that is not a theme: foreword, vision, governance, signatures, budget, portfolios, contact.'] },
  Theme: { nl: ['Thema', 'Een thema van het akkoord met zijn visie.'], en: ['Theme', 'A theme of the agreement with its vision.'] },
  Topic: { nl: ['Onderwerp', 'Een onderwerp binnen een thema.'], en: ['Topic', 'A topic within a theme.'] },
  Action: { nl: ['Actie', 'Een concrete toezegging van het college, geciteerd als de hele zin die haar noemt.'], en: ['Action', 'A concrete commitment of the college, quoted as the whole sentence that states it.'] },
  Target: { nl: ['Doel', 'Een meetbare of gedateerde toezegging binnen een actie.'], en: ['Target', 'A quantified or dated commitment inside an action.'] },
  Rule: { nl: ['Spelregel', 'Een van de algemene financiële spelregels.'], en: ['Rule', 'One of the general financial rules.'] },
  SourceArtifact: { nl: ['Opmaakregel', 'Een regel van de brontekst die opmaak is en geen inhoud (titel, label, voettekst).'], en: ['Source artefact', 'A line of the source text that is layout, not content (title, label, footer).'] },
  BudgetCategory: { nl: ['Begrotingscategorie', 'Een categorie van de financiële doorrekening.'], en: ['Budget category', 'A category of the budget.'] },
  BudgetLine: { nl: ['Begrotingspost', 'Een regel van de financiële doorrekening.'], en: ['Budget line', 'A line of the budget.'] },
  BudgetAmount: { nl: ['Begrotingsbedrag', 'Het bedrag van een begrotingspost in een jaar, in hele euro\'s.'], en: ['Budget amount', 'The amount of a budget line in one year, in whole euros.'] },
  BudgetYearTotal: { nl: ['Jaartotaal', 'De totaalregel van de begroting in een jaar, in hele euro\'s.'], en: ['Year total', 'The budget\'s totals row in one year, in whole euros.'] },
  Portfolio: { nl: ['Portefeuille', 'De portefeuille van een wethouder (een post in W3C ORG).'], en: ['Portfolio', 'An alderman\'s portfolio (a post in W3C ORG).'] },
  Responsibility: { nl: ['Verantwoordelijkheid', 'Een taak die onder een portefeuille valt.'], en: ['Responsibility', 'A task that falls under a portfolio.'] },
  District: { nl: ['Wijk', 'Een wijk van de gemeente met haar wijkwethouder.'], en: ['District', 'A district of the municipality with its district alderman.'] },
  ProgressAssessment: { nl: ['Voortgangsbeoordeling', 'Een gepubliceerde beoordeling van de voortgang van een actie.'], en: ['Progress assessment', 'A published assessment of an action\'s progress.'] },
  TargetMeasurement: { nl: ['Meting', 'Een gepubliceerde meting van een doel.'], en: ['Target measurement', 'A published measurement of a target.'] },
  Evidence: { nl: ['Bewijsstuk', 'Een document van de raad of de gemeente dat een beoordeling of meting onderbouwt.'], en: ['Evidence', 'A document of the council or the municipality that supports an assessment or measurement.'] },
}

/** The project's own properties in Dutch and English. */
export const propertyTexts: Record<string, TermText> = {
  agreement: { nl: ['akkoord', 'Het akkoord waar het record bij hoort.'], en: ['agreement', 'The agreement the record belongs to.'] },
  municipality: { nl: ['gemeente', 'De gemeente die het akkoord bestuurt.'], en: ['municipality', 'The municipality the agreement governs.'] },
  periodStart: { nl: ['begin raadsperiode', 'Het eerste jaar van de raadsperiode.'], en: ['period start', 'The first year of the council term.'] },
  periodEnd: { nl: ['einde raadsperiode', 'Het laatste jaar van de raadsperiode.'], en: ['period end', 'The last year of the council term.'] },
  sourceFile: { nl: ['bronbestand', 'Het tekstbestand dat de records citeren.'], en: ['source file', 'The text file the records quote.'] },
  sourceSha256: { nl: ['SHA-256 van de bron', 'De SHA-256-hash van het bronbestand.'], en: ['source SHA-256', 'The SHA-256 hash of the source file.'] },
  sourceLineCount: { nl: ['regels in de bron', 'Het aantal regels van het bronbestand.'], en: ['source line count', 'The number of lines of the source file.'] },
  signatoryPosition: { nl: ['plaats bij ondertekening', 'De plaats van de persoon onder de ondertekenaars.'], en: ['signatory position', 'The person\'s place among the signatories.'] },
  startLine: { nl: ['eerste regel', 'De eerste regel in de brontekst waar het record staat (vanaf 1).'], en: ['start line', 'The first line of the source text the record stands on (1-based).'] },
  endLine: { nl: ['laatste regel', 'De laatste regel in de brontekst waar het record staat (inclusief).'], en: ['end line', 'The last line of the source text the record stands on (inclusive).'] },
  sectionKind: { nl: ['soort hoofdstuk', 'Wat voor hoofdstuk het is (begrippenlijst SectionKinds).'], en: ['section kind', 'What kind of section it is (concept scheme SectionKinds).'] },
  headingText: { nl: ['kop', 'De kop van het thema, letterlijk.'], en: ['heading text', 'The theme\'s heading, quoted.'] },
  headingStartLine: { nl: ['eerste regel van de kop', 'De eerste regel van de kop in de brontekst.'], en: ['heading start line', 'The first source line of the heading.'] },
  headingEndLine: { nl: ['laatste regel van de kop', 'De laatste regel van de kop in de brontekst.'], en: ['heading end line', 'The last source line of the heading.'] },
  visionText: { nl: ['visie', 'De visie "Assen in 2030" binnen het thema, letterlijk.'], en: ['vision text', 'The "Assen in 2030" vision inside the theme, quoted.'] },
  visionStartLine: { nl: ['eerste regel van de visie', 'De eerste regel van de visie in de brontekst.'], en: ['vision start line', 'The first source line of the vision.'] },
  visionEndLine: { nl: ['laatste regel van de visie', 'De laatste regel van de visie in de brontekst.'], en: ['vision end line', 'The last source line of the vision.'] },
  visionShortText: { nl: ['korte visie', 'De korte visie uit de opening "Visie Assen 2030", letterlijk.'], en: ['short vision', 'The short vision of the opening "Visie Assen 2030", quoted.'] },
  visionShortStartLine: { nl: ['eerste regel van de korte visie', 'De eerste regel van de korte visie in de brontekst.'], en: ['short vision start line', 'The first source line of the short vision.'] },
  visionShortEndLine: { nl: ['laatste regel van de korte visie', 'De laatste regel van de korte visie in de brontekst.'], en: ['short vision end line', 'The last source line of the short vision.'] },
  theme: { nl: ['thema', 'Het thema waar het record onder valt.'], en: ['theme', 'The theme the record falls under.'] },
  topic: { nl: ['onderwerp', 'Het onderwerp waar de actie onder valt.'], en: ['topic', 'The topic the action falls under.'] },
  section: { nl: ['hoofdstuk', 'Het hoofdstuk waarin de actie staat (als die niet onder een onderwerp valt).'], en: ['section', 'The section the action stands in (when it is under no topic).'] },
  kind: { nl: ['soort actie', 'Wat voor toezegging de actie is (begrippenlijst ActionKinds).'], en: ['kind', 'What kind of commitment the action is (concept scheme ActionKinds).'] },
  context: { nl: ['context', 'De alinea van het akkoord waarin de zin staat, letterlijk.'], en: ['context', 'The paragraph of the agreement that holds the sentence, quoted.'] },
  responsibleNote: { nl: ['toelichting verantwoordelijkheid', 'Waarom geen portefeuille van een wethouder verantwoordelijk is (de burgemeester, het hele college).'], en: ['responsible note', 'Why no alderman\'s portfolio is responsible (the mayor, the college as a whole).'] },
  action: { nl: ['actie', 'De actie waar het record bij hoort.'], en: ['action', 'The action the record belongs to.'] },
  isMinimum: { nl: ['is minimum', 'Of de waarde een minimum is ("minimaal", "ten minste").'], en: ['is minimum', 'Whether the value is a minimum ("minimaal", "ten minste").'] },
  deadline: { nl: ['uiterste datum', 'De datum waarop het doel bereikt moet zijn.'], en: ['deadline', 'The date by which the target is to be met.'] },
  wholeCollege: { nl: ['hele college', 'Of het college als geheel de actie draagt, niet één wethouder (het wijkbezoek, de maandagochtenden, de tussentijdse evaluatie).'], en: ['whole college', 'Whether the college as a whole carries the action rather than one alderman.'] },
  sameCommitmentAs: { nl: ['zelfde toezegging als', 'De eerdere actie die dezelfde toezegging doet: deze zin herhaalt haar, en de voortgang staat bij die actie.'], en: ['same commitment as', 'The earlier action that makes the same commitment: this sentence restates it, and progress is recorded there.'] },
  sameCommitmentReason: { nl: ['reden zelfde toezegging', 'Waarom deze zin dezelfde toezegging is als de eerdere actie, met de regels van beide zinnen.'], en: ['same commitment reason', 'Why this sentence is the same commitment as the earlier action, citing the lines of both.'] },
  deadlineKind: { nl: ['soort termijn', 'Wat de termijn betekent: een datum, of het einde van de raadsperiode.'], en: ['deadline kind', 'What the deadline means: a date, or the end of the council term.'] },
  dateInferred: { nl: ['datum afgeleid', 'Of redacteuren de datums hebben afgeleid in plaats van gelezen.'], en: ['date inferred', 'Whether the curators derived the dates rather than read them.'] },
  dateReason: { nl: ['reden datum', 'Hoe de datums gelezen zijn, met de bronregel.'], en: ['date reason', 'How the dates were read, citing the source line.'] },
  frequencyCount: { nl: ['aantal keer', 'Bij een terugkerende toezegging: hoe vaak per periode.'], en: ['frequency count', 'For a recurring commitment: how many times per period.'] },
  frequencyPeriod: { nl: ['periode', 'Bij een terugkerende toezegging: week, maand of jaar.'], en: ['frequency period', 'For a recurring commitment: week, month or year.'] },
  artifactKind: { nl: ['soort opmaakregel', 'Wat voor opmaak de regel is (begrippenlijst ArtifactKinds).'], en: ['artefact kind', 'What kind of layout the line is (concept scheme ArtifactKinds).'] },
  category: { nl: ['categorie', 'De categorie van de begrotingspost.'], en: ['category', 'The budget line\'s category.'] },
  displayName: { nl: ['weergavenaam', 'De naam van de post, verbeterd voor weergave.'], en: ['display name', 'The line\'s name, corrected for display.'] },
  budgetLine: { nl: ['begrotingspost', 'De begrotingspost waar het bedrag bij hoort.'], en: ['budget line', 'The budget line the amount belongs to.'] },
  year: { nl: ['jaar', 'Het begrotingsjaar.'], en: ['year', 'The budget year.'] },
  continuing: { nl: ['doorlopend', 'Of het bedrag in latere jaren doorloopt (de kolom "2026 ev").'], en: ['continuing', 'Whether the amount continues in later years (the "2026 ev" column).'] },
  inferred: { nl: ['afgeleid', 'Of het bedrag is afgeleid in plaats van gedrukt.'], en: ['inferred', 'Whether the amount is inferred rather than printed.'] },
  inferenceReason: { nl: ['reden afleiding', 'Waarom en hoe het bedrag is afgeleid.'], en: ['inference reason', 'Why and how the amount was inferred.'] },
  columnHeading: { nl: ['kolomkop', 'De kop van de kolom van het jaar, zoals gedrukt.'], en: ['column heading', 'The heading of the year\'s column, as printed.'] },
  assignmentInferred: { nl: ['houder afgeleid', 'Of de houder van de portefeuille is afgeleid in plaats van gedrukt.'], en: ['assignment inferred', 'Whether the portfolio\'s holder was inferred rather than printed.'] },
  assignmentReason: { nl: ['reden houder', 'Hoe de houder van de portefeuille is bepaald.'], en: ['assignment reason', 'How the portfolio\'s holder was determined.'] },
  portfolio: { nl: ['portefeuille', 'De portefeuille waar het record onder valt.'], en: ['portfolio', 'The portfolio the record falls under.'] },
  responsiblePortfolio: { nl: ['verantwoordelijke portefeuille', 'De portefeuille die voor de actie verantwoordelijk is.'], en: ['responsible portfolio', 'The portfolio responsible for the action.'] },
  responsibility: { nl: ['verantwoordelijkheid', 'De verantwoordelijkheid die de actie dekt.'], en: ['responsibility', 'The responsibility that covers the action.'] },
  district: { nl: ['wijk', 'Een wijk waar de actie over gaat.'], en: ['district', 'A district the action concerns.'] },
  fundsTopic: { nl: ['financiert onderwerp', 'Een onderwerp dat de begrotingspost financiert.'], en: ['funds topic', 'A topic the budget line funds.'] },
  fundsAction: { nl: ['financiert actie', 'Een actie die de begrotingspost financiert.'], en: ['funds action', 'An action the budget line funds.'] },
  revision: { nl: ['revisie', 'Het nummer van de revisie onder die van de actie of het doel (vanaf 1).'], en: ['revision', 'The revision\'s number among those of its action or target (1-based).'] },
  progressStatus: { nl: ['voortgangsstatus', 'De status van de voortgang (begrippenlijst ProgressStatuses).'], en: ['progress status', 'The status of progress (concept scheme ProgressStatuses).'] },
  asOf: { nl: ['stand per', 'De datum waarop de beschreven situatie gold.'], en: ['as of', 'The date the statement describes the situation on.'] },
  isCurrent: { nl: ['geldt', 'Of dit de geldende beoordeling of meting is: niet ingetrokken, en bij een actie de nieuwste.'], en: ['is current', 'Whether this is the standing assessment or measurement: not retracted, and for an action the newest.'] },
  retractedAt: { nl: ['ingetrokken op', 'Wanneer de intrekking is gepubliceerd (UTC).'], en: ['retracted at', 'When the retraction was published (UTC).'] },
  retractionReason: { nl: ['reden intrekking', 'Waarom de beoordeling of meting is ingetrokken.'], en: ['retraction reason', 'Why the assessment or measurement was retracted.'] },
  evidenceKind: { nl: ['soort document', 'Wat voor document het bewijsstuk is.'], en: ['evidence kind', 'What kind of document the evidence is.'] },
  target: { nl: ['doel', 'Het doel dat gemeten is.'], en: ['target', 'The target measured.'] },
  presentedOnInferred: { nl: ['presentatiedatum afgeleid', 'Of de presentatiedatum niet in de brontekst staat en door redacteuren is afgeleid.'], en: ['presentation date inferred', 'Whether the presentation date is not in the source text and was inferred by the curators.'] },
  presentedOnReason: { nl: ['reden presentatiedatum', 'Waar de presentatiedatum vandaan komt.'], en: ['presentation date reason', 'Where the presentation date comes from.'] },
}
