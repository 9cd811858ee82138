import { readUtf16, viewOf } from './bytes'
import {
  nodeKind,
  type AttributeNode,
  type BinXmlNode,
  type ContentNode,
  type ElementNode,
  type InstanceNode,
  type TemplateDefinition,
  type ValueReference,
} from './binxml-nodes'
import { BinXmlError, entities, isNameString, maximumDepth, token } from './binxml-tokens'
import { fixedSize, renderArray, renderScalar, renderValue, valueType } from './values'

/**
 * Reads binary XML inside one 64 KiB chunk. Names and template definitions are referenced by
 * chunk-relative offsets, so both are cached per chunk: one reader per chunk, never shared.
 */
export class BinXmlReader {
  readonly view: DataView
  private cursor = 0
  private readonly names = new Map<number, string>()
  private readonly templates = new Map<number, TemplateDefinition | null>()

  constructor(readonly bytes: Uint8Array) {
    this.view = viewOf(bytes)
  }

  /** The nodes of the fragment in [start, end): usually one template instance. */
  readFragment(start: number, end: number): BinXmlNode[] {
    this.cursor = start
    return this.readNodes(end, false, 0)
  }

  /** A substitution value as text ('' for null and nested binary XML). */
  valueText(value: ValueReference): string {
    if (value.type === valueType.string) return readUtf16(this.view, value.offset, value.size >>> 1)
    return renderValue(this.view, value.type, value.offset, value.size)
  }

  /** The elements of an array value, each as text; a scalar gives one element. */
  valueItems(value: ValueReference): string[] {
    if ((value.type & valueType.array) === 0) return [this.valueText(value)]
    return renderArray(this.view, value.type, value.offset, value.size)
  }

  /** The nodes of a nested binary XML value (type 0x21), e.g. an EventData built at run time. */
  nestedFragment(value: ValueReference, depth: number): BinXmlNode[] {
    if (depth > maximumDepth) throw new BinXmlError('binary XML nested too deeply')
    const saved = this.cursor
    this.cursor = value.offset
    try {
      return this.readNodes(value.offset + value.size, false, depth)
    } finally {
      this.cursor = saved
    }
  }

  private readNodes(end: number, inTemplate: boolean, depth: number): BinXmlNode[] {
    const nodes: BinXmlNode[] = []
    while (this.cursor < end) {
      const kind = this.view.getUint8(this.cursor) & 0x0f
      if (kind === token.endOfStream) {
        this.cursor += 1
        break
      } else if (kind === token.fragmentHeader) {
        this.cursor += 4
      } else if (kind === token.openStartElement) {
        nodes.push(this.readElement(inTemplate, depth + 1))
      } else if (kind === token.templateInstance) {
        nodes.push(this.readInstance(end, depth + 1))
      } else if (kind === token.piTarget || kind === token.piData) {
        this.skipProcessingInstruction(kind)
      } else {
        nodes.push(this.readContent(kind))
      }
    }
    return nodes
  }

  private readElement(inTemplate: boolean, depth: number): ElementNode {
    if (depth > maximumDepth) throw new BinXmlError('elements nested too deeply')
    const start = this.cursor
    const flags = this.view.getUint8(start)
    // Template definitions carry a 2-byte dependency id after the token; elements written
    // directly in a record or nested value may not. Decide by where the name offset points.
    const nameField = inTemplate || this.hasDependencyId(start) ? start + 7 : start + 5
    const name = this.readNameAt(nameField)
    if (flags & 0x40) this.cursor += 4 // attribute list size
    const attributes: AttributeNode[] = []
    while ((this.view.getUint8(this.cursor) & 0x0f) === token.attribute) {
      const attributeName = this.readNameAt(this.cursor + 1)
      attributes.push({ name: attributeName, value: this.readContentRun() })
    }
    const element: ElementNode = { kind: nodeKind.element, name, attributes, children: [] }
    const close = this.view.getUint8(this.cursor) & 0x0f
    this.cursor += 1
    if (close === token.closeEmptyElement) return element
    if (close !== token.closeStartElement) throw new BinXmlError(`unexpected token in <${name}> start tag`)
    for (;;) {
      const kind = this.view.getUint8(this.cursor) & 0x0f
      if (kind === token.endElement) {
        this.cursor += 1
        return element
      } else if (kind === token.openStartElement) {
        element.children.push(this.readElement(inTemplate, depth + 1))
      } else if (kind === token.templateInstance) {
        element.children.push(this.readInstance(this.bytes.length, depth + 1))
      } else if (kind === token.piTarget || kind === token.piData) {
        this.skipProcessingInstruction(kind)
      } else if (kind === token.endOfStream || kind === token.fragmentHeader) {
        throw new BinXmlError(`<${name}> is not closed`)
      } else {
        element.children.push(this.readContent(kind))
      }
    }
  }

  /**
   * With a dependency id the name offset sits at +7, without at +5. A name defined right there or
   * already read is certain; otherwise the offset must point at a well-formed name string.
   */
  private hasDependencyId(start: number): boolean {
    const withId = this.view.getUint32(start + 7, true)
    const withoutId = this.view.getUint32(start + 5, true)
    if (withId === start + 11 || this.names.has(withId)) return true
    if (withoutId === start + 9 || this.names.has(withoutId)) return false
    return isNameString(this.view, withId) || !isNameString(this.view, withoutId)
  }

  /** Reads the name whose 4-byte offset is at `field`; leaves the cursor after it (and its inline text). */
  private readNameAt(field: number): string {
    const offset = this.view.getUint32(field, true)
    this.cursor = field + 4
    const cached = this.names.get(offset)
    if (offset === this.cursor) {
      // Defined inline: next-offset (4), hash (2), length (2), UTF-16 text, NUL.
      const length = this.view.getUint16(offset + 6, true)
      this.cursor = offset + 8 + length * 2 + 2
      if (cached !== undefined) return cached
    } else if (cached !== undefined) {
      return cached
    }
    const name = readUtf16(this.view, offset + 8, this.view.getUint16(offset + 6, true))
    this.names.set(offset, name)
    return name
  }

  /** Content tokens until something else (the next attribute, or the end of the start tag). */
  private readContentRun(): ContentNode[] {
    const content: ContentNode[] = []
    for (;;) {
      const kind = this.view.getUint8(this.cursor) & 0x0f
      if (kind !== token.value && kind !== token.normalSubstitution && kind !== token.optionalSubstitution &&
        kind !== token.charReference && kind !== token.entityReference && kind !== token.cdata) {
        return content
      }
      content.push(this.readContent(kind))
    }
  }

  private readContent(kind: number): ContentNode {
    const at = this.cursor
    switch (kind) {
      case token.value:
        return { kind: nodeKind.text, text: this.readValueToken(at) }
      case token.normalSubstitution:
      case token.optionalSubstitution:
        this.cursor = at + 4
        return {
          kind: nodeKind.substitution,
          index: this.view.getUint16(at + 1, true),
          optional: kind === token.optionalSubstitution,
        }
      case token.charReference:
        this.cursor = at + 3
        return { kind: nodeKind.text, text: String.fromCharCode(this.view.getUint16(at + 1, true)) }
      case token.entityReference: {
        const name = this.readNameAt(at + 1)
        return { kind: nodeKind.text, text: entities[name] ?? `&${name};` }
      }
      case token.cdata: {
        const length = this.view.getUint16(at + 1, true)
        this.cursor = at + 3 + length * 2
        return { kind: nodeKind.text, text: readUtf16(this.view, at + 3, length) }
      }
      default:
        throw new BinXmlError(`unexpected binary XML token 0x${this.view.getUint8(at).toString(16)}`)
    }
  }

  /** A literal value in the XML (not a substitution): text in practice, but any fixed-size type is legal. */
  private readValueToken(at: number): string {
    const type = this.view.getUint8(at + 1)
    if (type === valueType.string || type === valueType.ansiString) {
      const length = this.view.getUint16(at + 2, true)
      const bytes = type === valueType.string ? length * 2 : length
      this.cursor = at + 4 + bytes
      return renderScalar(this.view, type, at + 4, bytes)
    }
    const size = fixedSize(type)
    if (size === undefined) throw new BinXmlError(`value token of type 0x${type.toString(16)}`)
    this.cursor = at + 2 + size
    return renderScalar(this.view, type, at + 2, size)
  }

  private skipProcessingInstruction(kind: number): void {
    if (kind === token.piTarget) this.readNameAt(this.cursor + 1)
    else this.cursor += 3 + this.view.getUint16(this.cursor + 1, true) * 2
  }

  private readInstance(end: number, depth: number): InstanceNode {
    const start = this.cursor
    const definitionOffset = this.view.getUint32(start + 6, true)
    let at = start + 10
    const template = this.template(definitionOffset, depth)
    // The first use of a template carries its definition inline: skip it.
    if (definitionOffset === at) at += 24 + this.view.getUint32(at + 20, true)
    const count = this.view.getUint32(at, true)
    at += 4
    if (count * 4 > end - at) throw new BinXmlError(`${count} substitutions do not fit the record`)
    const values: ValueReference[] = new Array<ValueReference>(count)
    let valueAt = at + count * 4
    for (let i = 0; i < count; i++) {
      const size = this.view.getUint16(at + i * 4, true)
      values[i] = { type: this.view.getUint8(at + i * 4 + 2), offset: valueAt, size }
      valueAt += size
    }
    if (valueAt > end) throw new BinXmlError('substitution values run past the record')
    this.cursor = valueAt
    return { kind: nodeKind.instance, template, values }
  }

  /** The definition at `offset` (next-offset, GUID, data size, then its fragment), parsed once per chunk. */
  private template(offset: number, depth: number): TemplateDefinition {
    const cached = this.templates.get(offset)
    if (cached) return cached
    if (cached === null) throw new BinXmlError('template refers to itself')
    if (offset < 512 || offset + 24 > this.bytes.length) throw new BinXmlError(`template offset ${offset} outside the chunk`)
    const saved = this.cursor
    this.templates.set(offset, null)
    try {
      this.cursor = offset + 24
      const nodes = this.readNodes(offset + 24 + this.view.getUint32(offset + 20, true), true, depth)
      const definition: TemplateDefinition = { offset, nodes }
      this.templates.set(offset, definition)
      return definition
    } catch (error) {
      this.templates.delete(offset)
      throw error
    } finally {
      this.cursor = saved
    }
  }
}
