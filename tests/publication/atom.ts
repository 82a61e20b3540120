import sax from 'sax'

/** An element of an XML document as sax reads it. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parses XML with sax in strict, namespace-aware mode: malformed XML throws. Names are local names in their namespace URI. */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true })
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  parser.onerror = (error) => {
    throw error
  }
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag
    const element: XmlElement = {
      name: `{${node.uri}}${node.local}`, children: [], text: '',
      attributes: Object.fromEntries(Object.values(node.attributes).map((a) => [a.local || a.name, a.value])),
    }
    stack.at(-1)!.children.push(element)
    stack.push(element)
  }
  parser.ontext = (text) => {
    stack.at(-1)!.text += text
  }
  parser.onclosetag = () => {
    stack.pop()
  }
  parser.write(xml).close()
  return root.children[0]!
}

const atom = (local: string) => `{http://www.w3.org/2005/Atom}${local}`
/** The children of an Atom element with a local name. */
export const atomChildren = (element: XmlElement, local: string): XmlElement[] => element.children.filter((c) => c.name === atom(local))
/** The text of the one child of an Atom element with a local name (empty when there is none). */
export const atomText = (element: XmlElement, local: string): string => atomChildren(element, local)[0]?.text.trim() ?? ''
