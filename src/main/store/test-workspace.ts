import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import type { Workspace } from './database'
import { insertEvents } from './queries/insert-events'

export interface TemporaryFolder {
  readonly path: string
  file(name: string): string
  remove(): void
}

/** A fresh folder under the OS temp dir for a test's workspace files; remove() deletes it. */
export function temporaryFolder(): TemporaryFolder {
  const path = mkdtempSync(join(tmpdir(), 'argus-test-'))
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A new temporary folder for each test of the file that calls this, removed after the test. */
export function folderPerTest(): TemporaryFolder {
  let current: TemporaryFolder | null = null
  beforeEach(() => {
    current = temporaryFolder()
  })
  afterEach(() => current?.remove())
  const active = (): TemporaryFolder => {
    if (!current) throw new Error('folderPerTest() is only usable inside a test')
    return current
  }
  return {
    get path() {
      return active().path
    },
    file: (name) => active().file(name),
    remove: () => active().remove(),
  }
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
