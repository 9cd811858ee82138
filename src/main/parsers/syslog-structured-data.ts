// RFC 5424 STRUCTURED-DATA: `[id name="value" …][id2 …]`. Inside a value `\"`, `\\` and `\]`
// stand for `"`, `\` and `]`; any other backslash is a literal backslash (RFC 5424 §6.3.3).

/** SD-ID → PARAM-NAME → value; a name given twice in one element keeps every value, in order. */
export type StructuredData = Record<string, Record<string, string | string[]>>

/** Reads the SD-ELEMENTs starting at `start` (a `[`); null when they are malformed. */
export function readStructuredData(text: string, start: number): { data: StructuredData; end: number } | null {
  // Null-prototype objects: SD-IDs and names come from the network, and `__proto__` must stay a key.
  const data: StructuredData = Object.create(null) as StructuredData
  let index = start
  if (text.charCodeAt(index) !== 91) return null
  while (text.charCodeAt(index) === 91) {
    index++
    const idEnd = nameEnd(text, index)
    if (idEnd === index) return null
    const id = text.slice(index, idEnd)
    const params = data[id] ?? (data[id] = Object.create(null) as Record<string, string | string[]>)
    index = idEnd
    for (;;) {
      const code = text.charCodeAt(index)
      if (code === 93) {
        index++
        break
      }
      if (code !== 32) return null
      index++
      const paramEnd = nameEnd(text, index)
      if (paramEnd === index || text.charCodeAt(paramEnd) !== 61 || text.charCodeAt(paramEnd + 1) !== 34) return null
      const name = text.slice(index, paramEnd)
      const value = readValue(text, paramEnd + 2)
      if (value === null) return null
      const existing = params[name]
      if (existing === undefined) params[name] = value.text
      else if (Array.isArray(existing)) existing.push(value.text)
      else params[name] = [existing, value.text]
      index = value.end
    }
  }
  return { data, end: index }
}

/** SD-NAME: printable ASCII except `=`, space, `]` and `"`. */
function nameEnd(text: string, start: number): number {
  let index = start
  for (; index < text.length && index < start + 32; index++) {
    const code = text.charCodeAt(index)
    if (code <= 32 || code >= 127 || code === 61 || code === 93 || code === 34) break
  }
  return index
}

/** A PARAM-VALUE after its opening quote, unescaped; `end` is past the closing quote. */
function readValue(text: string, start: number): { text: string; end: number } | null {
  let value = ''
  let chunkStart = start
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 34) return { text: value + text.slice(chunkStart, index), end: index + 1 }
    if (code === 92) {
      const next = text.charCodeAt(index + 1)
      if (next === 34 || next === 92 || next === 93) {
        value += text.slice(chunkStart, index)
        chunkStart = index + 1
        index++
      }
    }
  }
  return null
}
