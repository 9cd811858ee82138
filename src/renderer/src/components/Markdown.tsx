import { useMemo } from 'react'
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from './markdown'

/**
 * A note's Markdown as React elements, never as HTML: whatever the note holds is shown as text.
 * Links show their text and their address, not a clickable link.
 */
export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source])
  return <div className="markdown">{blocks.map(renderBlock)}</div>
}

function renderBlock(block: MarkdownBlock, index: number) {
  switch (block.kind) {
    case 'heading': {
      // Notes sit under the page's h1 and the panel's h2: their headings start at h3.
      const Heading = `h${Math.min(6, block.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6'
      return <Heading key={index}>{block.children.map(renderInline)}</Heading>
    }
    case 'paragraph':
      return <p key={index}>{block.children.map(renderInline)}</p>
    case 'list': {
      const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{item.map(renderInline)}</li>)
      return block.ordered ? (
        <ol key={index} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      )
    }
    case 'quote':
      return <blockquote key={index}>{block.children.map(renderBlock)}</blockquote>
    case 'code':
      return (
        <pre key={index} className="markdown-code" data-language={block.language || undefined}>
          <code>{block.text}</code>
        </pre>
      )
    case 'rule':
      return <hr key={index} />
  }
}

function renderInline(inline: MarkdownInline, index: number) {
  switch (inline.kind) {
    case 'text':
      return inline.text
    case 'code':
      return <code key={index}>{inline.text}</code>
    case 'strong':
      return <strong key={index}>{inline.children.map(renderInline)}</strong>
    case 'emphasis':
      return <em key={index}>{inline.children.map(renderInline)}</em>
    case 'link':
      return (
        <span key={index} className="markdown-link">
          {inline.children.map(renderInline)}
          {inline.url === '' ? null : <span className="markdown-url"> ({inline.url})</span>}
        </span>
      )
    case 'break':
      return <br key={index} />
  }
}
