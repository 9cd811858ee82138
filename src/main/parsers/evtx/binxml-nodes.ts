// The parsed shape of binary XML. Template definitions are parsed once per chunk into these nodes;
// each record then only reads its substitution values and walks the template.

export const nodeKind = { element: 0, text: 1, substitution: 2, instance: 3 } as const

export interface ElementNode {
  kind: typeof nodeKind.element
  name: string
  attributes: AttributeNode[]
  children: BinXmlNode[]
}

/** An attribute's value is content: text and substitutions, usually exactly one of them. */
export interface AttributeNode {
  name: string
  value: ContentNode[]
}

export interface TextNode {
  kind: typeof nodeKind.text
  text: string
}

/** A placeholder in a template, filled by the record's value at `index`. */
export interface SubstitutionNode {
  kind: typeof nodeKind.substitution
  index: number
  /** Optional substitution (token 0x0e): a null value means "absent" rather than "empty". */
  optional: boolean
}

/** A record's use of a template: the parsed definition plus where its values lie in the chunk. */
export interface InstanceNode {
  kind: typeof nodeKind.instance
  template: TemplateDefinition
  values: ValueReference[]
}

export interface TemplateDefinition {
  /** Chunk-relative offset of the definition: the key of the per-chunk cache. */
  offset: number
  nodes: BinXmlNode[]
}

/** A substitution value, not yet decoded: most records use only a few of their values. */
export interface ValueReference {
  type: number
  offset: number
  size: number
}

export type ContentNode = TextNode | SubstitutionNode
export type BinXmlNode = ElementNode | ContentNode | InstanceNode
