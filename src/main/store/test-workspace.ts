import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { NormalizedEvent } from '../../shared/event'
import type { Workspace } from './database'
import { createImportWriter } from './queries/import-writer'

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

/** Adds one finished import and its events through the import writer, and returns the source id. */
export function addImport(workspace: Workspace, path: string, events: readonly Partial<NormalizedEvent>[]): number {
  const writer = createImportWriter(workspace.sqlite)
  writer.begin()
  const sourceId = writer.startSource(path, null, 'test', null)
  events.forEach((event, index) => {
    writer.event(sourceId, index + 1, {
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
    })
  })
  writer.finish(sourceId, { status: 'done', format: 'test', sha256: null, sizeBytes: null, events: events.length, rejects: 0, error: null }, path)
  writer.commit()
  return sourceId
}
