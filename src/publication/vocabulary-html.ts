import type { Quad } from 'n3'
import { ownNamespace } from './own-terms.js'
import { ns } from './vocabulary.js'

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The vocabulary as a readable Dutch page: each term with its own anchor, so `…/def#Action` lands on it. */
export function vocabularyHtml(quads: readonly Quad[]): string {
  const about = new Map<string, Map<string, string[]>>()
  for (const q of quads) {
    const props = about.get(q.subject.value) ?? new Map<string, string[]>()
    const key = q.predicate.value + ((q.object as { language?: string }).language ? `@${(q.object as { language: string }).language}` : '')
    props.set(key, [...(props.get(key) ?? []), q.object.value])
    about.set(q.subject.value, props)
  }
  const ofType = (type: string) => [...about].filter(([, p]) => p.get(ns.rdf + 'type')?.includes(type)).map(([iri]) => iri)
  const local = (iri: string) => (iri.startsWith(ownNamespace) ? iri.slice(ownNamespace.length) : iri)
  const first = (iri: string, key: string) => about.get(iri)?.get(key)?.[0] ?? ''
  const section = (title: string, iris: string[], describe: (iri: string) => string) => `<h2>${title}</h2>\n<dl>\n${iris.map((iri) =>
    `<dt id="${escape(local(iri))}"><code>akkoord:${escape(local(iri))}</code></dt><dd>${describe(iri)}</dd>`).join('\n')}\n</dl>`
  const ontology = ofType(ns.owl + 'Ontology')[0]!
  /** A term's Dutch label and definition, then the English ones. */
  const term = (iri: string) => `<strong>${escape(first(iri, ns.rdfs + 'label@nl'))}</strong>: ${escape(first(iri, ns.rdfs + 'comment@nl'))} <span lang="en">(${escape(first(iri, ns.rdfs + 'label@en'))}: ${escape(first(iri, ns.rdfs + 'comment@en'))})</span>`
  /** A class or datatype by its prefixed name, linked to its place on the page when it is the project's own. */
  const name = (iri: string) => {
    if (iri.startsWith(ownNamespace)) return `<a href="#${escape(local(iri))}"><code>akkoord:${escape(local(iri))}</code></a>`
    const prefix = Object.entries(ns).find(([, namespace]) => iri.startsWith(namespace))
    return `<code>${escape(prefix ? `${prefix[0]}:${iri.slice(prefix[1].length)}` : iri)}</code>`
  }
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(first(ontology, ns.dct + 'title@nl'))}</title></head>
<body>
<main>
<h1>${escape(first(ontology, ns.dct + 'title@nl'))}</h1>
<p>${escape(first(ontology, ns.dct + 'description@nl'))}</p>
<p>Namespace <code>${escape(ownNamespace)}</code>, prefix <code>akkoord:</code>. Ook als Turtle en JSON-LD: vraag <code>Accept: text/turtle</code> of <code>application/ld+json</code>. Licentie: CC0 1.0.</p>
${section('Klassen', ofType(ns.owl + 'Class'), (iri) => `${term(iri)}${(about.get(iri)?.get(ns.rdfs + 'subClassOf') ?? []).map((parent) => ` Verfijnt ${name(parent)}.`).join('')}`)}
${section('Eigenschappen', ofType(ns.rdf + 'Property'), (iri) => `${term(iri)} <span class="bereik">Domein: ${name(first(iri, ns.rdfs + 'domain'))}; bereik: ${name(first(iri, ns.rdfs + 'range'))}.</span>`)}
${section('Begrippenlijsten en begrippen', [...ofType(ns.skos + 'ConceptScheme'), ...ofType(ns.skos + 'Concept')], (iri) =>
    `<strong>${escape(first(iri, ns.skos + 'prefLabel@nl'))}</strong>${first(iri, ns.skos + 'definition@nl') ? `: ${escape(first(iri, ns.skos + 'definition@nl'))}` : ''} <span lang="en">(${escape(first(iri, ns.skos + 'prefLabel@en'))}${first(iri, ns.skos + 'definition@en') ? `: ${escape(first(iri, ns.skos + 'definition@en'))}` : ''})</span>`)}
</main>
</body>
</html>
`
}
