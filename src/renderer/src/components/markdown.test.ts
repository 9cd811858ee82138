import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown } from './markdown'

describe('parseMarkdown', () => {
  it('reads headings, paragraphs with their line breaks, and rules', () => {
    expect(parseMarkdown('# Summary\n\nalice logged in\nfrom ws-4\n\n---')).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Summary' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'alice logged in' }, { kind: 'break' }, { kind: 'text', text: 'from ws-4' }] },
      { kind: 'rule' },
    ])
  })

  it('reads bullet and numbered lists, an indented line continuing its item', () => {
    expect(parseMarkdown('- one\n- two\n  more\n\n3. three\n4. four')).toEqual([
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }, { kind: 'break' }, { kind: 'text', text: 'more' }]] },
      { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'text', text: 'three' }], [{ kind: 'text', text: 'four' }]] },
    ])
  })

  it('keeps fenced code verbatim, markup and all', () => {
    expect(parseMarkdown('```sh\nsudo rm -rf /tmp/*\n<b>x</b>\n```\nafter')).toEqual([
      { kind: 'code', language: 'sh', text: 'sudo rm -rf /tmp/*\n<b>x</b>' },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'after' }] },
    ])
  })

  it('reads quotes as nested blocks', () => {
    expect(parseMarkdown('> **seen** before\n> twice')).toEqual([
      {
        kind: 'quote',
        children: [{ kind: 'paragraph', children: [{ kind: 'strong', children: [{ kind: 'text', text: 'seen' }] }, { kind: 'text', text: ' before' }, { kind: 'break' }, { kind: 'text', text: 'twice' }] }],
      },
    ])
  })

  it('leaves raw HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] }])
  })
})

describe('parseInline', () => {
  it('reads emphasis, strong, code and links', () => {
    expect(parseInline('a *b* **c** `d*e*` [f](https://example.com)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'emphasis', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd*e*' },
      { kind: 'text', text: ' ' },
      { kind: 'link', children: [{ kind: 'text', text: 'f' }], url: 'https://example.com' },
    ])
  })

  it('nests strong inside emphasis', () => {
    expect(parseInline('*a **b** c*')).toEqual([
      { kind: 'emphasis', children: [{ kind: 'text', text: 'a ' }, { kind: 'strong', children: [{ kind: 'text', text: 'b' }] }, { kind: 'text', text: ' c' }] },
    ])
  })

  it('leaves snake_case, lone markers and escapes as text', () => {
    expect(parseInline('file_copy_count and 2 * 3 * 4 and \\*not\\*')).toEqual([{ kind: 'text', text: 'file_copy_count and 2 * 3 * 4 and *not*' }])
    expect(parseInline('_under_ and `open')).toEqual([{ kind: 'emphasis', children: [{ kind: 'text', text: 'under' }] }, { kind: 'text', text: ' and `open' }])
  })
})
