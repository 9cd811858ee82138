import { escapeHtml } from './html'

// Notes are Markdown written by analysts but often pasted from the evidence (log lines, URLs,
// attacker-controlled strings), so the renderer is text-only: every character is escaped, only
// the tags below are ever produced, raw HTML is shown as text and links stay text (a report must
// not send the reader anywhere, least of all to a `javascript:` URL).

/** Note headings sit below the report's own h1–h3. */
const headingOffset = 3
/** Deeper `>` nesting is shown as text: bounded recursion whatever the note holds. */
const maxQuoteDepth = 4

interface TextBlock {
  kind: 'paragraph' | 'quote'
  lines: string[]
}
interface ListBlock {
  kind: 'ul' | 'ol'
  start: number
  items: string[]
}
type Block = TextBlock | ListBlock

/** Markdown (headings, lists, quotes, code, emphasis, links as text) → HTML with no raw HTML passthrough. */
export function renderMarkdown(source: string, depth = 0): string {
  const out: string[] = []
  let block: Block | null = null
  // Used as `block = close(block)`, so the type checker sees the block end.
  const close = (open: Block | null): null => {
    if (open) out.push(renderBlock(open, depth))
    return null
  }
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)
    if (fence) {
      block = close(block)
      const code: string[] = []
      while (++index < lines.length && !lines[index]!.trimStart().startsWith(fence[1]!)) code.push(lines[index]!)
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`)
      continue
    }
    if (line.trim() === '') {
      block = close(block)
      continue
    }
    const heading = /^ {0,3}(#{1,6})(?:\s+|$)/.exec(line)
    if (heading) {
      block = close(block)
      const level = Math.min(6, heading[1]!.length + headingOffset)
      out.push(`<h${level}>${renderInline(headingText(line.slice(heading[0].length)))}</h${level}>`)
      continue
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      block = close(block)
      out.push('<hr>')
      continue
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line)
    if (quote && depth < maxQuoteDepth) {
      let open: TextBlock | null = block?.kind === 'quote' ? block : null
      if (!open) block = open = close(block) ?? { kind: 'quote', lines: [] }
      open.lines.push(quote[1]!)
      continue
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line)
    const numbered = /^\s*(\d{1,9})[.)]\s+(.*)$/.exec(line)
    if (bullet || numbered) {
      const kind: ListBlock['kind'] = bullet ? 'ul' : 'ol'
      let open: ListBlock | null = block && 'items' in block && block.kind === kind ? block : null
      if (!open) block = open = close(block) ?? { kind, start: numbered ? Number(numbered[1]) : 1, items: [] }
      open.items.push(bullet ? bullet[1]! : numbered![2]!)
      continue
    }
    // A plain line continues the open list item or quote (lazy continuation), or a paragraph.
    if (block && 'items' in block) {
      block.items[block.items.length - 1] += `\n${line.trim()}`
    } else if (block) {
      block.lines.push(line)
    } else {
      block = { kind: 'paragraph', lines: [line] }
    }
  }
  close(block)
  return out.join('\n')
}

/** A heading's text without its optional closing hashes (`## Title ##`); no backtracking regex on the whole line. */
function headingText(rest: string): string {
  const text = rest.trimEnd()
  const hashes = text.length - text.replace(/#+$/, '').length
  const before = text.length - hashes - 1
  return hashes > 0 && (before < 0 || /\s/.test(text[before]!)) ? text.slice(0, text.length - hashes).trimEnd() : text
}

function renderBlock(block: Block, depth: number): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${renderInline(block.lines.map((line) => line.trim()).join('\n'))}</p>`
    case 'quote':
      return `<blockquote>${renderMarkdown(block.lines.join('\n'), depth + 1)}</blockquote>`
    case 'ul':
    case 'ol': {
      const items = block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')
      return block.kind === 'ol' && block.start !== 1 ? `<ol start="${block.start}">${items}</ol>` : `<${block.kind}>${items}</${block.kind}>`
    }
  }
}

/**
 * Code spans and links are cut out of the raw text first: a code span is literal, and a link's
 * URL must not be touched by emphasis. Links (and images) become their text followed by the
 * URL in parentheses, both as plain text. Every span is capped in length so that a hostile note
 * full of unclosed markers costs linear time, not quadratic.
 */
const codeOrLink = /(`+)([\s\S]{1,1000}?)\1(?!`)|(!?)\[([^\]\n]{0,500})\]\(\s*((?:[^()\s]|\([^()\s]*\)){0,2000})(?:\s+"[^"\n]{0,500}")?\s*\)/g

export function renderInline(text: string): string {
  let html = ''
  let last = 0
  for (const match of text.matchAll(codeOrLink)) {
    html += emphasis(escapeHtml(text.slice(last, match.index)))
    const [, ticks, code, image, label, url] = match
    if (ticks !== undefined) {
      html += `<code>${escapeHtml(code!.trim())}</code>`
    } else {
      const shown = image ? `[image: ${label}]` : label!
      html += `<span class="link">${emphasis(escapeHtml(shown))}</span> <span class="url">(${escapeHtml(url!)})</span>`
    }
    last = match.index + match[0].length
  }
  return html + emphasis(escapeHtml(text.slice(last)))
}

/** Bold, italic and strikethrough over already escaped text (which holds no `<` to confuse). */
function emphasis(escaped: string): string {
  return escaped
    .replace(/(\*\*|__)(?=\S)([\s\S]{0,400}?\S)\1/g, '<strong>$2</strong>')
    .replace(/\*(?=\S)([^*]{0,400}?\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]{0,400}?\S)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>')
    .replace(/~~(?=\S)([\s\S]{0,400}?\S)~~/g, '<del>$1</del>')
}
