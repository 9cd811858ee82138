import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NormalizedEvent } from '../../shared/event'
import type { Workspace } from './database'
import { insertEvents } from './queries/insert-events'

/** A fresh folder under the OS temp dir for one test's workspace file; remove() deletes it. */
export function temporaryFolder(): { path: string; file(name: string): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'argus-test-'))
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Adds one finished import and its events, the way ingest will, and returns the source id. */
export function addImport(workspace: Workspace, path: string, events: readonly Partial<NormalizedEvent>[]): number {
  const { sqlite } = workspace
  const { lastInsertRowid } = sqlite
    .prepare(`insert into sources (path, status, events, started_at, finished_at) values (?, 'done', ?, ?, ?)`)
    .run(path, events.length, Date.now(), Date.now())
  const sourceId = Number(lastInsertRowid)
  insertEvents(
    sqlite,
    events.map((event, index) => ({
      ts: 0,
      user: null,
      host: null,
      srcIp: null,
      dstIp: null,
      category: 'authentication',
      action: 'logon',
      outcome: 'success',
      object: null,
      bytes: null,
      amount: null,
      attrs: {},
      ...event,
      sourceId,
      lineNo: index + 1,
    })),
  )
  return sourceId
}
