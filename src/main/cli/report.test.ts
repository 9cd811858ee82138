import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateOrganisation } from '../generate/generate'
import { findChromium } from '../reports/chromium'
import { folderPerTest } from '../store/test-workspace'
import { main } from './main'
import { captureConsole } from './test-console'

// `argus report` end to end: a generated organisation analysed by the CLI, a case built through
// the contract with `argus call`, then the report written as PDF and HTML.

const folder = folderPerTest()
const { output, errors } = captureConsole({ quietStderr: true })

/** One contract call through the CLI, its printed JSON parsed. */
async function call<T>(db: string, channel: string, input: unknown): Promise<T> {
  output.length = 0
  expect(await main(['call', channel, JSON.stringify(input), '--db', db])).toBe(0)
  return JSON.parse(output.join('\n')) as T
}

const chromiumMissing = (() => {
  try {
    findChromium()
    return existsSync('/usr/bin/pdftotext') ? null : 'pdftotext (poppler-utils) is not installed'
  } catch (error) {
    return (error as Error).message
  }
})()
if (chromiumMissing) console.log(`SKIPPED argus report --pdf test: ${chromiumMissing}`)

const title = 'USB exfiltration <b>'

describe('argus report', () => {
  it.skipIf(chromiumMissing !== null)('writes a case made through the contract as PDF and HTML, with the audit head it recorded', async () => {
    const db = folder.file('workspace.db')
    generateOrganisation({ users: 12, days: 21, directory: folder.file('org'), seed: 5, start: Date.UTC(2024, 2, 4) })
    expect(await main(['analyze', join(folder.path, 'org', 'logs'), '--db', db])).toBe(0)

    const alerts = await call<{ items: { id: number; user: string }[] }>(db, 'alerts:list', { limit: 2 })
    expect(alerts.items.length).toBeGreaterThan(0)
    const [alert] = alerts.items
    const created = await call<{ id: number }>(db, 'cases:create', { title })
    const events = await call<{ items: { id: number }[] }>(db, 'events:list', { limit: 2, user: alert!.user })
    for (const evidence of [{ kind: 'alert', alertId: alert!.id }, { kind: 'user', user: alert!.user }, ...events.items.map((event) => ({ kind: 'event', eventId: event.id }))]) {
      await call(db, 'cases:attach', { caseId: created.id, evidence })
    }
    await call(db, 'cases:addNote', { caseId: created.id, body: '## Plan\n- image the laptop\n- <script>x</script>' })
    await call(db, 'tags:add', { target: 'user', key: alert!.user, tag: 'insider' })
    const before = await call<{ ok: boolean; headHash: string }>(db, 'audit:verify', {})

    const pdf = folder.file('case.pdf')
    output.length = 0
    expect(await main(['report', String(created.id), '--pdf', pdf, '--db', db])).toBe(0)
    expect(output).toEqual([expect.stringMatching(new RegExp(`^wrote the report of case #${created.id} to .*case\\.pdf \\(PDF, \\d+ KiB\\)$`))])
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain(title)
    expect(text).toContain('image the laptop')
    expect(text.replace(/\s+/g, '')).toContain(before.headHash)

    // The export is in the trail, naming the head the report printed.
    const trail = await call<{ items: { action: string; details: Record<string, unknown> }[] }>(db, 'audit:list', { limit: 1 })
    expect(trail.items[0]).toMatchObject({ action: 'case.report', details: { caseId: created.id, format: 'pdf', auditHead: before.headHash } })

    const html = folder.file('case.html')
    expect(await main(['report', String(created.id), '--html', html, '--db', db])).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<h1>USB exfiltration &lt;b&gt;</h1>')
    expect(page).toContain(`<h2>User ${alert!.user}</h2>`)
    expect(page).toContain('<li>&lt;script&gt;x&lt;/script&gt;</li>')
  }, 180_000)

  it('refuses a bad command line, a missing workspace and an unknown case', async () => {
    const db = folder.file('empty.db')
    for (const argv of [['report', '--pdf', 'x.pdf'], ['report', '1'], ['report', '1', '--pdf', 'x.pdf', '--html', 'x.html'], ['report', 'one', '--html', 'x.html'], ['report', '1', '2', '--html', 'x.html']]) {
      expect(await main([...argv, '--db', db])).toBe(2)
    }
    expect(errors.join('\n')).toMatch(/exactly one of --pdf FILE and --html FILE/)
    expect(await main(['report', '1', '--html', folder.file('x.html'), '--db', db])).toBe(1)
    expect(errors.at(-1)).toMatch(/not_found: no workspace at/)
    await call(db, 'workspace:info', {})
    expect(await main(['report', '9', '--html', folder.file('x.html'), '--db', db])).toBe(1)
    expect(errors.at(-1)).toMatch(/not_found: .*9/)
    expect(existsSync(folder.file('x.html'))).toBe(false)
  })
})
