import { describe, expect, it } from 'vitest'
import { cssString, escapeHtml } from './html'
import { renderInline, renderMarkdown } from './markdown'

describe('renderMarkdown', () => {
  it('renders headings below the report’s own, lists, quotes, code and emphasis', () => {
    const html = renderMarkdown(
      ['# Title', '### Deep', 'Some **bold**, *italic*, _also_, ~~gone~~ and `a < b`.', '', '- one', '- two', '', '3. three', '4. four', '', '> said', '', '```', 'x < y', '```'].join('\n'),
    )
    expect(html).toBe(
      [
        '<h4>Title</h4>',
        '<h6>Deep</h6>',
        '<p>Some <strong>bold</strong>, <em>italic</em>, <em>also</em>, <del>gone</del> and <code>a &lt; b</code>.</p>',
        '<ul><li>one</li><li>two</li></ul>',
        '<ol start="3"><li>three</li><li>four</li></ol>',
        '<blockquote><p>said</p></blockquote>',
        '<pre><code>x &lt; y</code></pre>',
      ].join('\n'),
    )
  })

  it('drops a heading’s closing hashes but keeps hashes that belong to the text', () => {
    expect(renderMarkdown('## Title ##\n# C#\n#no-space')).toBe('<h5>Title</h5>\n<h4>C#</h4>\n<p>#no-space</p>')
  })

  it('keeps raw HTML as text and links as text, whatever their scheme', () => {
    const html = renderMarkdown('<script>alert(1)</script> [go](javascript:alert(1)) ![x](https://evil.example/p.gif) <a href="https://x">y</a>')
    expect(html).not.toMatch(/<(script|a|img)\b/i)
    // The only attribute the renderer ever writes is a class (and an ordered list's start).
    expect(html.match(/<[a-z][^>]*>/gi)?.filter((tag) => !/^<[a-z0-9]+( class="[a-z]+")?>$/.test(tag))).toEqual([])
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<span class="link">go</span> <span class="url">(javascript:alert(1))</span>')
    expect(html).toContain('<span class="link">[image: x]</span> <span class="url">(https://evil.example/p.gif)</span>')
  })

  it('leaves snake_case and lone markers alone, and does not emphasise inside code or URLs', () => {
    expect(renderInline('user_name and 2 * 3 * 4')).toBe('user_name and 2 * 3 * 4')
    expect(renderInline('`**not bold**` [a_b](http://h/x_y_z*w*)')).toBe(
      '<code>**not bold**</code> <span class="link">a_b</span> <span class="url">(http://h/x_y_z*w*)</span>',
    )
  })

  it('continues list items and paragraphs across lines, and stops quoting at a bounded depth', () => {
    expect(renderMarkdown('- a\n  more\n- b')).toBe('<ul><li>a\nmore</li><li>b</li></ul>')
    expect(renderMarkdown('line one\nline two')).toBe('<p>line one\nline two</p>')
    const deep = renderMarkdown('>>>>>>>> deep')
    expect(deep.match(/<blockquote>/g)).toHaveLength(4)
    expect(deep).toContain('&gt;&gt;&gt;&gt; deep')
  })

  it('stays linear on a hostile note full of unclosed markers', () => {
    const hostile = ['**a '.repeat(25_000), '['.repeat(50_000), '`'.repeat(30_000) + 'x', '_a '.repeat(30_000), `# a${' '.repeat(50_000)}b`].join('\n\n')
    const html = renderMarkdown(hostile)
    expect(html.length).toBeGreaterThan(hostile.length)
  })
})

describe('escaping', () => {
  it('escapes text for elements and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('makes CSS strings that no quote or closing tag can end', () => {
    expect(cssString('Case "7" </style>')).toBe('"Case \\22 7\\22  \\3c \\2f style\\3e "')
  })
})
