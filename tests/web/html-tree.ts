/** A node of parse5's default tree, as far as the tests read it. */
export type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string }

/** A node and everything under it, in document order. */
export const all = (node: Node): Node[] => [node, ...(node.childNodes ?? []).flatMap(all)]

/** An attribute's value, if the node has it. */
export const attr = (node: Node, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value

/** The text under a node, white space folded as a reader sees it. */
export const text = (node: Node): string => all(node).filter((n) => n.nodeName === '#text').map((n) => n.value).join('').replace(/\s+/g, ' ').trim()
