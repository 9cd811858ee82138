/**
 * A small Markdown reader for case notes: headings, paragraphs, lists, quotes, code, emphasis and
 * links. It produces plain data that `Markdown.tsx` turns into React elements, so a note can
 * never inject markup: raw HTML stays text, and links stay text too (nothing in a note should
 * send an air-gapped workstation anywhere).
 */

export type MarkdownInline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: MarkdownInline[] }
  | { kind: 'emphasis'; children: MarkdownInline[] }
  | { kind: 'link'; children: MarkdownInline[]; url: string }
  | { kind: 'break' }

export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: MarkdownInline[] }
  | { kind: 'paragraph'; children: MarkdownInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] }
  | { kind: 'quote'; children: MarkdownBlock[] }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'rule' }

const headingPattern = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const fencePattern = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/
const bulletPattern = /^ {0,3}[-*+]\s+(.*)$/
const orderedPattern = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/
const quotePattern = /^ {0,3}>\s?(.*)$/
const rulePattern = /^ {0,3}([-*_])(\s*\1){2,}\s*$/

/** Splits a note into blocks. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: MarkdownBlock[] = []
  let index = 0
  while (index < lines.length) {
    const line = lines[index] ?? ''
    if (line.trim() === '') {
      index++
      continue
    }
    const fence = fencePattern.exec(line)
    if (fence) {
      const marker = fence[1] ?? '```'
      const body: string[] = []
      index++
      while (index < lines.length && !(lines[index] ?? '').trimStart().startsWith(marker)) body.push(lines[index++] ?? '')
      index++ // the closing fence, or past the end when the note forgot it
      blocks.push({ kind: 'code', language: fence[2] ?? '', text: body.join('\n') })
      continue
    }
    const heading = headingPattern.exec(line)
    if (heading) {
      const level = (heading[1] ?? '#').length as 1 | 2 | 3 | 4 | 5 | 6
      blocks.push({ kind: 'heading', level, children: parseInline(heading[2] ?? '') })
      index++
      continue
    }
    if (rulePattern.test(line)) {
      blocks.push({ kind: 'rule' })
      index++
      continue
    }
    if (quotePattern.test(line)) {
      const quoted: string[] = []
      let match: RegExpExecArray | null
      while (index < lines.length && (match = quotePattern.exec(lines[index] ?? ''))) {
        quoted.push(match[1] ?? '')
        index++
      }
      blocks.push({ kind: 'quote', children: parseMarkdown(quoted.join('\n')) })
      continue
    }
    const ordered = orderedPattern.exec(line)
    if (ordered || bulletPattern.test(line)) {
      const { block, next } = readList(lines, index, ordered !== null)
      blocks.push(block)
      index = next
      continue
    }
    const paragraph: string[] = []
    while (index < lines.length && !startsBlock(lines[index] ?? '')) paragraph.push((lines[index++] ?? '').trim())
    blocks.push({ kind: 'paragraph', children: joinLines(paragraph) })
  }
  return blocks
}

function startsBlock(line: string): boolean {
  return (
    line.trim() === '' ||
    fencePattern.test(line) ||
    headingPattern.test(line) ||
    rulePattern.test(line) ||
    quotePattern.test(line) ||
    bulletPattern.test(line) ||
    orderedPattern.test(line)
  )
}

/** Items of one kind of list; an indented line continues the item above it. */
function readList(lines: readonly string[], first: number, ordered: boolean): { block: MarkdownBlock; next: number } {
  const pattern = ordered ? orderedPattern : bulletPattern
  const items: string[][] = []
  let start = 1
  let index = first
  while (index < lines.length) {
    const line = lines[index] ?? ''
    const match = pattern.exec(line)
    if (match) {
      if (items.length === 0 && ordered) start = Number(match[1])
      items.push([(ordered ? match[2] : match[1]) ?? ''])
    } else if (/^\s{2,}\S/.test(line) && items.length > 0) {
      items.at(-1)?.push(line.trim())
    } else {
      break
    }
    index++
  }
  return { block: { kind: 'list', ordered, start, items: items.map(joinLines) }, next: index }
}

/** A paragraph's lines, each line break kept: notes are written line by line. */
function joinLines(lines: readonly string[]): MarkdownInline[] {
  return lines.flatMap((line, index) => (index === 0 ? parseInline(line) : [{ kind: 'break' } as const, ...parseInline(line)]))
}

/** Code spans, strong and emphasis (`**`, `__`, `*`, `_`), links and backslash escapes. */
export function parseInline(text: string): MarkdownInline[] {
  const result: MarkdownInline[] = []
  let plain = ''
  const flush = (): void => {
    if (plain !== '') result.push({ kind: 'text', text: plain })
    plain = ''
  }
  let index = 0
  while (index < text.length) {
    const char = text[index] ?? ''
    if (char === '\\' && index + 1 < text.length && /[\\`*_[\]()#+\-.!>~]/.test(text[index + 1] ?? '')) {
      plain += text[index + 1]
      index += 2
      continue
    }
    const span = readSpan(text, index)
    if (span) {
      flush()
      result.push(span.node)
      index = span.next
      continue
    }
    plain += char
    index++
  }
  flush()
  return result
}

function readSpan(text: string, at: number): { node: MarkdownInline; next: number } | null {
  const char = text[at]
  if (char === '`') {
    const ticks = /^`+/.exec(text.slice(at))?.[0] ?? '`'
    const close = text.indexOf(ticks, at + ticks.length)
    if (close < 0) return null
    return { node: { kind: 'code', text: text.slice(at + ticks.length, close).trim() }, next: close + ticks.length }
  }
  if (char === '[') {
    const middle = text.indexOf('](', at + 1)
    const close = middle < 0 ? -1 : text.indexOf(')', middle + 2)
    if (middle < 0 || close < 0) return null
    return { node: { kind: 'link', children: parseInline(text.slice(at + 1, middle)), url: text.slice(middle + 2, close).trim() }, next: close + 1 }
  }
  if (char === '*' || char === '_') {
    // `_` inside a word (snake_case, file_name.txt) is not emphasis.
    if (char === '_' && /\w/.test(text[at - 1] ?? '')) return null
    const strong = text[at + 1] === char
    const marker = strong ? char + char : char
    const inner = at + marker.length
    if (/\s/.test(text[inner] ?? ' ')) return null
    const close = findClose(text, marker, inner)
    if (close < 0) return null
    const children = parseInline(text.slice(inner, close))
    return { node: strong ? { kind: 'strong', children } : { kind: 'emphasis', children }, next: close + marker.length }
  }
  return null
}

/** Where `marker` closes an emphasis opened before `from`: not after a space, not doubled for a single marker. */
function findClose(text: string, marker: string, from: number): number {
  let index = text.indexOf(marker, from + 1)
  while (index >= 0) {
    const before = text[index - 1] ?? ' '
    const after = text[index + marker.length] ?? ''
    const doubled = marker.length === 1 && (after === marker || text[index - 1] === marker)
    const inWord = marker[0] === '_' && /\w/.test(after)
    if (!/\s/.test(before) && !doubled && !inWord) return index
    index = text.indexOf(marker, index + 1)
  }
  return -1
}
