import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { folderPerTest } from '../../store/test-workspace'
import type { SourceItem } from './types'
import { walkSources } from './walk'

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..')
const datasets = resolve(repoRoot, '..', 'shared', 'data', 'otrf-security-datasets', 'datasets')
const available = existsSync(datasets)
const zips = available
  ? readdirSync(datasets, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.zip'))
      .map((name) => join(datasets, name))
      .sort()
  : []
const folder = folderPerTest()

interface Read {
  path: string
  entry: string | null
  size: number | null
  bytes: number
  lines: number
  firstLine: string
}

async function readAll(items: AsyncIterable<SourceItem>): Promise<{ entries: Read[]; problems: string[] }> {
  const entries: Read[] = []
  const problems: string[] = []
  for await (const item of items) {
    if (item.kind === 'problem') {
      problems.push(`${item.path} ${item.entry}: ${item.reason}`)
      continue
    }
    let bytes = 0
    let lines = 0
    const head: Buffer[] = []
    for await (const chunk of item.stream as AsyncIterable<Buffer>) {
      if (lines === 0) head.push(chunk)
      bytes += chunk.length
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines += 1
    }
    const firstLine = Buffer.concat(head).toString('utf8').split('\n')[0] ?? ''
    entries.push({ path: item.path, entry: item.entry, size: item.size, bytes, lines, firstLine })
  }
  return { entries, problems }
}

describe('OTRF Security-Datasets zips (needs ../shared/data)', () => {
  it.skipIf(!available)('opens every zip and yields its one recording, whole, with progress ending at the zips’ total size', async () => {
    const tempDir = folder.path
    let consumed = 0
    const { entries, problems } = await readAll(walkSources(zips, { tempDir, onCompressedBytes: (bytes) => (consumed = bytes) }))
    expect(problems).toEqual([])
    // MANIFEST.txt: each zip holds exactly one file.
    expect(zips.length).toBeGreaterThan(20)
    expect(entries.map((entry) => entry.path)).toEqual(zips)
    for (const entry of entries) {
      expect(entry.bytes, entry.entry ?? '').toBe(entry.size)
      if (entry.entry?.endsWith('.json')) expect(() => JSON.parse(entry.firstLine), entry.entry).not.toThrow()
    }
    const psexec = entries.find((entry) => entry.path.endsWith('empire_psexec_dcerpc_tcp_svcctl.zip'))
    // MANIFEST.txt: 12.7 MB, 4,348 events, one JSON object per line.
    expect(psexec?.entry).toBe('empire_psexec_dcerpc_tcp_svcctl_2020-09-20121608.json')
    expect(psexec?.lines).toBe(4348)
    expect(consumed).toBe(zips.reduce((sum, zip) => sum + statSync(zip).size, 0))
    expect(readdirSync(tempDir)).toEqual([])
  })
})
