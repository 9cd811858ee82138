import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeHtml } from './html'
import { renderCaseReport, reportFileName } from './case-report'
import { findChromium } from './chromium'
import { folderPerTest } from '../store/test-workspace'
import { buildReportFixture, caseTitle, type ReportFixture } from './test-report-input'
import { countInk, readPgm } from './test-pgm'

// The report rendered from a real, generated and scored workspace: HTML checked for every
// section, for escaping and for being self-contained; PDF printed by headless Chromium and its
// pages rasterised with pdftoppm to see that they hold something.

const folder = folderPerTest()
let fixture: ReportFixture

beforeAll(async () => {
  fixture = await buildReportFixture()
}, 180_000)
afterAll(async () => fixture?.dispose())

/** The document's real tags: escaped text holds no `<`, so every `<…>` is markup the report wrote. */
function markupTags(html: string): string[] {
  return html.match(/<[a-z!/][^>]*>/gi) ?? []
}

async function renderHtml(): Promise<string> {
  const file = await renderCaseReport(fixture.input, 'html')
  expect(file).toMatchObject({ fileName: 'case-7-exfiltration-follow-up-i-q1-i-friends.html', mimeType: 'text/html; charset=utf-8', encoding: 'utf8' })
  return file.data
}

describe('the HTML case report', () => {
  it('shows the case, its summary, every user with radar and timeline, alerts, notes, tags, evidence and the audit head', async () => {
    const html = await renderHtml()
    const { input } = fixture
    expect(html).toContain(`<h1>${escapeHtml(caseTitle)}</h1>`)
    expect(html).toMatch(/Open · opened 2024-03-20 08:30:00 by ana\.lyst/)
    for (const id of ['summary', 'alerts', 'notes', 'tags', 'evidence']) expect(html).toContain(`<section id="${id}"`)
    expect(html).toContain(`${input.detail.case.counts.users} users, ${input.detail.alerts.length} alerts, ${input.pinnedEvents.length} pinned events`)

    expect(html.match(/<section class="user"/g)).toHaveLength(input.users.length)
    for (const user of input.users) {
      expect(html).toContain(`<h2>User ${escapeHtml(user.user.user)}</h2>`)
      expect(html).toContain(escapeHtml(user.user.peerGroup))
    }
    const withOcean = input.users.filter((user) => user.ocean !== null).length
    expect(withOcean).toBeGreaterThan(0)
    expect(html.match(/<svg class="chart radar"/g)).toHaveLength(withOcean)
    expect(html.match(/<svg class="chart timeline"/g)).toHaveLength(input.users.length)
    // Bars take the severity colours; the evidence days are marked.
    expect(html).toMatch(/fill="#c0392b"|fill="#e08a1e"/)
    expect(html).toContain('class="marker"')

    for (const alert of input.detail.alerts) expect(html).toContain(`<h3>Alert #${alert.id}: ${escapeHtml(alert.user)}, ${alert.date}</h3>`)
    expect(html).toContain('<strong>True positive</strong>')
    expect(html).toContain('<strong>False positive</strong>')
    const explained = input.users.flatMap((user) => user.days).find((day) => day.date === input.detail.alerts[0]!.date && day.facts.length > 0)
    expect(explained).toBeDefined()
    expect(html).toContain(escapeHtml(explained!.facts[0]!.text))

    expect(html).toContain('Opened after the <strong>USB</strong> alert. Owner: <code>secops</code>.')
    for (const tag of ['insider', 'confirmed', 'smoking-gun']) expect(html).toContain(`<span class="tag">${tag}</span>`)
    const event = input.pinnedEvents[0]!
    const source = input.sources!.find((candidate) => candidate.id === event.sourceId)!
    expect(html).toContain(`${escapeHtml(source.path)}${source.entry ? ` ▸ ${escapeHtml(source.entry)}` : ''}:${event.lineNo}`)
    expect(html).toContain('Around the first alert &lt;u&gt;')

    // The head hash opens and closes the report and runs along every printed page's footer.
    expect(html.split(input.audit.headHash).length - 1).toBe(3)
    expect(html).toContain(`<strong>Audit chain verified</strong> ${input.audit.entries} entries.`)
  })

  it('says so when the audit chain is broken', async () => {
    const file = await renderCaseReport({ ...fixture.input, audit: { ...fixture.input.audit, ok: false } }, 'html')
    expect(file.data.match(/Audit chain BROKEN/g)).toHaveLength(2)
    expect(file.data).toContain('class="audit broken"')
  })

  it('renders a hostile note as text: no script, no javascript: link, no image', async () => {
    const html = await renderHtml()
    const tags = markupTags(html)
    expect(tags.filter((tag) => /^<(script|img|iframe|object|embed|link|form|base)\b/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => /^<a\b/i.test(tag) && !/^<a href="#user-\d+">$/.test(tag))).toEqual([])
    expect(html).toContain('<h4>Findings &lt;script&gt;alert(1)&lt;/script&gt;</h4>')
    expect(html).toContain('<span class="link">click me</span> <span class="url">(javascript:alert(document.cookie))</span>')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;')
    expect(html).toContain('<pre><code>&lt;script&gt;fenced()&lt;/script&gt;</code></pre>')
    expect(html).toContain('<ul><li>first <em>point</em></li><li>second point</li></ul>')
    expect(html).toContain('by mallory &lt;b&gt;')
  })

  it('is self-contained: nothing to fetch, nothing to run', async () => {
    const html = await renderHtml()
    const tags = markupTags(html)
    expect(tags.filter((tag) => /\s(src|srcset|poster|data|action|xlink:href)\s*=/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => /\shref\s*=/i.test(tag) && !/\shref="#[\w-]+"/.test(tag))).toEqual([])
    expect(tags.join('\n')).not.toMatch(/https?:\/\//)
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    expect(style).not.toMatch(/@import|url\(|https?:/i)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
  })
})

describe('the PDF case report', () => {
  const chromium = (() => {
    try {
      return findChromium()
    } catch (error) {
      console.log(`SKIPPED PDF report test: ${(error as Error).message}`)
      return null
    }
  })()
  const poppler = existsSync('/usr/bin/pdftoppm')
  if (!poppler) console.log('SKIPPED PDF report test: pdftoppm (poppler-utils) is not installed')

  it.skipIf(!chromium || !poppler)('prints non-blank A4 pages that carry the title and the audit head', async () => {
    const started = performance.now()
    const file = await renderCaseReport(fixture.input, 'pdf')
    console.log(`PDF report: ${Math.round(performance.now() - started)} ms, ${Math.round(file.data.length * 0.75 / 1024)} KiB`)
    expect(file).toMatchObject({ fileName: `${reportFileName(7, caseTitle)}.pdf`, mimeType: 'application/pdf', encoding: 'base64' })
    const pdf = folder.file('report.pdf')
    writeFileSync(pdf, Buffer.from(file.data, 'base64'))
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    execFileSync('/usr/bin/pdftoppm', ['-r', '50', '-gray', pdf, folder.file('page')])
    const pages = readdirSync(folder.path).filter((name) => name.startsWith('page') && name.endsWith('.pgm')).sort()
    // Summary, one page per user, then alerts onwards.
    expect(pages.length).toBeGreaterThanOrEqual(fixture.input.users.length + 2)
    for (const page of pages) {
      const image = readPgm(readFileSync(join(folder.path, page)))
      // A4 at 50 dpi: 413 × 585 pixels.
      expect(image.width).toBeGreaterThan(400)
      expect(image.height).toBeGreaterThan(image.width)
      expect(countInk(image) / (image.width * image.height)).toBeGreaterThan(0.002)
    }

    if (!existsSync('/usr/bin/pdftotext')) return console.log('SKIPPED pdftotext check: pdftotext is not installed')
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain(caseTitle)
    expect(text.replace(/\s+/g, '')).toContain(fixture.input.audit.headHash)
    expect(text).toContain('Page 1 of')
  }, 180_000)
})
