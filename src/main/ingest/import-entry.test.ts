import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { makeEvent } from '../parsers/normalize'
import type { LogParser } from '../parsers/types'
import { openWorkspace, type Workspace } from '../store/database'
import { createImportWriter } from '../store/queries/import-writer'
import { localEntryWriter } from './entry-writer'
import { verifyAuditChain } from '../store/queries/audit'
import { folderPerTest } from '../store/test-workspace'
import { importEntry, type EntryOptions, type EntryToImport } from './import-entry'

// The record loop with a small real format of this test's own: `ts=<epoch ms> user=<name>`.
const keyValueParser: LogParser = {
  name: 'key-value',
  description: 'ts=… user=… lines (test format)',
  framing: 'lines',
  sniff: (sample) => (sample.lines.some((line) => line.startsWith('ts=')) ? 0.9 : 0),
  open: () => ({
    parse(line) {
      if (line === '') return null
      if (line === 'FATAL') return { fileError: 'this file says it is broken' }
      const match = /^ts=(\d+) user=(\w+)$/.exec(line)
      if (!match) return { reject: 'not ts=… user=…' }
      return makeEvent({ ts: Number(match[1]), user: match[2] ?? null, category: 'authentication', action: 'logon', outcome: 'success' })
    },
  }),
}

const folder = folderPerTest()

function entry(text: string | Buffer, name = 'app.log'): EntryToImport {
  return { path: `/evidence/${name}`, entry: null, size: null, mtime: null, stream: Readable.from([Buffer.from(text)]) }
}

function options(overrides: Partial<EntryOptions> = {}): EntryOptions {
  return { parsers: [keyValueParser], year: null, timeZone: 'UTC', isCancelled: () => false, onRecords: () => {}, ...overrides }
}

async function withWorkspace(run: (workspace: Workspace) => Promise<void>): Promise<void> {
  const workspace = await openWorkspace(folder.file('import.db'))
  try {
    await run(workspace)
  } finally {
    await workspace.close()
  }
}

const count = (workspace: Workspace, table: string): number =>
  (workspace.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('importEntry', () => {
  it('imports good lines, rejects bad ones with line number and excerpt, and records the source', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      const result = await importEntry(writer, entry('ts=1000 user=Alice\nbroken line\n\nts=2000 user=bob\n'), options())
      expect(result).toMatchObject({ status: 'done', format: 'key-value', events: 2, rejects: 1, error: null })
      expect(workspace.sqlite.prepare('select user, line_no from events order by id').all()).toEqual([
        { user: 'alice', line_no: 1 },
        { user: 'bob', line_no: 4 },
      ])
      expect(workspace.sqlite.prepare('select line_no, reason, excerpt from rejects').all()).toEqual([
        { line_no: 2, reason: 'not ts=… user=…', excerpt: 'broken line' },
      ])
      expect(workspace.sqlite.prepare('select status, events, rejects, sha256 is not null as hashed from sources').get()).toEqual({
        status: 'done', events: 2, rejects: 1, hashed: 1,
      })
      expect(verifyAuditChain(workspace.sqlite)).toMatchObject({ ok: true, entries: 2 })
    }))

  it('adds nothing when the same content is imported again', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      const first = await importEntry(writer, entry('ts=1 user=a\n'), options())
      const again = await importEntry(writer, entry('ts=1 user=a\n', 'renamed-copy.log'), options())
      expect(again).toMatchObject({ status: 'duplicate', duplicateOf: first.sourceId, events: 0 })
      expect(count(workspace, 'events')).toBe(1)
      expect(count(workspace, 'sources')).toBe(1)
    }))

  it('gives one clear error for a file no parser recognizes, or a binary one, and stores no events', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      const text = await importEntry(writer, entry('hello world\n'), options())
      expect(text).toMatchObject({ status: 'failed', error: expect.stringMatching(/^not a recognized log format \(first line: "hello world"\)/) })
      const binary = await importEntry(writer, entry(Buffer.from([0, 1, 2, 3, 0xff, 0x10])), options())
      expect(binary).toMatchObject({ status: 'failed', error: 'not a log file: binary content that no parser recognizes' })
      const empty = await importEntry(writer, entry(''), options())
      expect(empty).toMatchObject({ status: 'failed', error: 'empty file: nothing to import' })
      expect(count(workspace, 'events')).toBe(0)
      expect(workspace.sqlite.prepare(`select count(*) as n from sources where status = 'failed'`).get()).toEqual({ n: 3 })
    }))

  it('rolls the whole file back on a file-level error or a cancel', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      const fatal = await importEntry(writer, entry('ts=1 user=a\nFATAL\nts=2 user=b\n'), options())
      expect(fatal).toMatchObject({ status: 'failed', error: 'this file says it is broken' })
      const lines = Array.from({ length: 50_000 }, (_, index) => `ts=${index} user=u${index % 7}`).join('\n')
      const cancelled = await importEntry(writer, entry(lines), options({ isCancelled: () => true }))
      expect(cancelled).toMatchObject({ status: 'cancelled', events: 0 })
      expect(count(workspace, 'events')).toBe(0)
      expect(count(workspace, 'rejects')).toBe(0)
    }))

  it('stops a file whose first thousand records are all rejected, with one clear error', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      const junk = Array.from({ length: 3000 }, () => 'ts=x garbage').join('\n')
      const result = await importEntry(writer, entry(junk), options({ format: 'key-value' }))
      expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^not a key-value file: its first \d+ records were all rejected$/) })
      expect(count(workspace, 'rejects')).toBe(0)
    }))

  it('keeps what was read before the bytes stopped and says why', () =>
    withWorkspace(async (workspace) => {
      const writer = localEntryWriter(createImportWriter(workspace.sqlite))
      async function* truncated(): AsyncGenerator<Buffer> {
        yield Buffer.from('ts=1 user=a\nts=2 user=b\n')
        throw new Error('unexpected end of file')
      }
      const result = await importEntry(writer, { ...entry(''), stream: truncated() }, options())
      expect(result).toMatchObject({ status: 'done', events: 2, error: 'stopped early: unexpected end of file' })
    }))

  it('rejects a 50 MB line without holding it, and imports its neighbours', () =>
    withWorkspace(async (workspace) => {
      const huge = Buffer.alloc(50 * 1024 * 1024, 0x78)
      async function* chunks(): AsyncGenerator<Buffer> {
        yield Buffer.from('ts=1 user=before\n')
        for (let offset = 0; offset < huge.length; offset += 1 << 20) yield huge.subarray(offset, offset + (1 << 20))
        yield Buffer.from('\nts=2 user=after\n')
      }
      const result = await importEntry(localEntryWriter(createImportWriter(workspace.sqlite)), { ...entry(''), stream: chunks() }, options())
      expect(result).toMatchObject({ status: 'done', events: 2, rejects: 1 })
      expect(workspace.sqlite.prepare('select line_no, reason, length(excerpt) as excerpt from rejects').get()).toEqual({
        line_no: 2, reason: 'record longer than 1 MiB', excerpt: 200,
      })
    }))

  it('refuses an unknown format override with the list of known ones', () =>
    withWorkspace(async (workspace) => {
      const result = await importEntry(localEntryWriter(createImportWriter(workspace.sqlite)), entry('ts=1 user=a'), options({ format: 'nope' }))
      expect(result).toMatchObject({ status: 'failed', error: "unknown format 'nope'; known formats: key-value" })
    }))
})
