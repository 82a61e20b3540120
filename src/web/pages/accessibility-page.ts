import { html, type SafeHtml } from '../html.js'

/** The date the statement below was last checked against the site and its tests. */
const accessibilityStatementDate = '2 december 2026'

/**
 * The toegankelijkheidsverklaring, after the Dutch model statement
 * (modelverklaring, digitoegankelijk.nl): which standard, how it was tested,
 * what is known not to meet it and why, and whom to contact. The status is
 * "voldoet gedeeltelijk": the site is tested automatically and by hand by its
 * makers, not audited by an independent party, so it claims no full compliance.
 * The heading has soft hyphens so a phone breaks it between its parts.
 */
export function accessibilityPage(): SafeHtml {
  return html`
<h1>${'Toegankelijk\u00adheids\u00adverklaring'}</h1>
<p>De gemeente Assen wil dat iedereen het bestuursakkoord <em>Dichtbij &amp; Daadkrachtig</em> kan lezen, ook met een
schermlezer, alleen met het toetsenbord of op een kleine telefoon. Deze verklaring geldt voor Open Akkoord Assen: deze
website, de rapporten in HTML en PDF die ze aanbiedt, en de open data.</p>

<h2 id="status">Nalevingsstatus</h2>
<p><strong>Voldoet gedeeltelijk.</strong> De site is gemaakt om te voldoen aan de Web Content Accessibility Guidelines
(WCAG) 2.1 op niveau A en AA, zoals EN 301 549 vraagt. De makers hebben dat zelf getoetst; een onafhankelijk onderzoek
is nog niet gedaan. Daarom en om de beperkingen hieronder claimen we geen volledige naleving.</p>

<h2 id="getest">Wat is getest en hoe</h2>
<ul>
  <li>Bij elke wijziging draait axe-core (de regels voor WCAG 2.1 A en AA) in de browser Chromium op elk soort pagina:
    de startpagina, een thema, een wethouder, een wijk, de rapporten, de zoekpagina en de foutpagina, en op elk soort
    HTML-rapport. Een ernstige of kritieke fout laat de test falen.</li>
  <li>Elke pagina wordt getoond op 320, 390 en 1280 pixels breed: niets mag opzij buiten beeld vallen (herschikken,
    WCAG 1.4.10).</li>
  <li>Zoeken, de rapportenbouwer en de downloads werken ook zonder JavaScript.</li>
  <li>De PDF-rapporten zijn getagd. Met poppler (<code>pdfinfo</code>) controleren de tests dat elke PDF getagd is,
    Nederlands als taal heeft en koppen, tabellen met kopcellen, de grafiek met beschrijving, de inhoudsopgave,
    links en de tekst van elke afspraak in de structuur draagt.</li>
  <li>De kleuren van de huisstijl worden op contrast gecontroleerd.</li>
</ul>

<h2 id="beperkingen">Bekende beperkingen</h2>
<ul>
  <li>In PDF-rapporten zijn de nummers van genummerde lijsten (de financiële spelregels) geen deel van de structuur:
    een schermlezer leest de regel, niet het nummer ervoor. In de HTML-versie is dat wel goed.</li>
  <li>De labels in de grafiek van de PDF zijn geen losse tekst. De beschrijving van de grafiek en de tabel eronder
    geven alle bedragen.</li>
  <li>Een link die in een PDF over twee pagina's breekt, is alleen op de eerste pagina aan te klikken.</li>
  <li>De PDF's zijn niet getoetst aan PDF/UA en claimen die norm niet. Wie een rapport met hulpsoftware leest, kan
    de HTML-versie gebruiken: die staat naast elke PDF.</li>
</ul>

<h2 id="contact">Contact</h2>
<p>Loopt u tegen iets aan dat niet toegankelijk is, of wilt u een rapport in een andere vorm? Mail naar
<a href="mailto:info@assen.nl">info@assen.nl</a>. Noem de pagina of het rapport. U krijgt antwoord met een oplossing, of een uitleg waarom
die er (nog) niet is. Bent u niet tevreden met het antwoord, dan kunt u zich wenden tot de Nationale ombudsman.</p>

<p class="note">Deze verklaring is voor het laatst gecontroleerd op ${accessibilityStatementDate}.</p>`
}
