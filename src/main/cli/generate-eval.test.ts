import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { folderPerTest } from '../store/test-workspace'
import type { Labels } from '../eval/labels'
import { evalRunner } from './eval'
import { runGenerate } from './generate'
import { captureConsole } from './test-console'
import { UsageError } from './usage'

const folder = folderPerTest()
const { output } = captureConsole()

const neverOpened = async (): Promise<never> => {
  throw new Error('the workspace should not be opened when --scores is given')
}

describe('argus generate', () => {
  it('writes logs and labels, and refuses to write over an earlier run', async () => {
    const out = join(folder.path, 'org')
    expect(await runGenerate({ users: '10', days: '7', out, seed: '3', start: '2024-01-08' }, [])).toBe(0)
    const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as Labels
    expect(labels).toMatchObject({ seed: 3, start: '2024-01-08', end: '2024-01-14' })
    expect(labels.users).toHaveLength(10)
    expect(output.join('\n')).toMatch(/10 users over 7 days from 2024-01-08 \(seed 3\)/)
    await expect(runGenerate({ users: '10', days: '7', out }, [])).rejects.toThrow(/already holds files/)
  })

  it.each([
    [{ days: '7', out: 'x' }, /--users must be a whole number/],
    [{ users: '10', days: '2', out: 'x' }, /--days must be a whole number from 5/],
    [{ users: '10', days: '7' }, /needs --out/],
    [{ users: '10', days: '7', out: 'x', start: '2024-02-30' }, /--start must be a date/],
    [{ users: '10', days: '7', out: 'x', seed: '-1' }, /--seed/],
  ])('refuses %o', async (values, message) => {
    await expect(runGenerate(values, [])).rejects.toThrow(UsageError)
    await expect(runGenerate(values, [])).rejects.toThrow(message)
  })
})

describe('argus eval', () => {
  function files(): { labels: string; scores: string } {
    const labels = folder.file('labels.json')
    const scores = folder.file('scores.json')
    writeFileSync(labels, JSON.stringify({ seed: 1, users: ['ann', 'ben'], attacks: [{ user: 'ann', scenario: 'cloud_upload', days: ['2024-03-05'] }] }))
    writeFileSync(
      scores,
      JSON.stringify({
        events: 10,
        users: [
          { user: 'ann', risk: 0.8, days: [{ date: '2024-03-05', score: 0.8, severity: 'high' }, { date: '2024-03-04', score: 0.2, severity: 'low' }] },
          { user: 'ben', risk: 0.3, days: [{ date: '2024-03-05', score: 0.3, severity: 'low' }] },
        ],
      }),
    )
    return { labels, scores }
  }

  it('prints one JSON document for a saved analysis', async () => {
    const { labels, scores } = files()
    expect(await evalRunner(neverOpened)({ labels, scores, json: true }, [])).toBe(0)
    expect(output).toHaveLength(1)
    expect(JSON.parse(output[0] as string)).toMatchObject({ k: 1, recallAtK: 1, averagePrecision: 1, dayAuc: 1, scenarios: [{ scenario: 'cloud_upload', recall: 1 }] })
  })

  it('reads the workspace through the opener and closes it', async () => {
    const { labels } = files()
    const close = vi.fn()
    const open = vi.fn(async () => ({ users: () => [{ user: 'ben', risk: 0.9 }], days: () => [], close }))
    expect(await evalRunner(open)({ labels, db: 'x.db', k: '1' }, [])).toBe(0)
    expect(open).toHaveBeenCalledWith('x.db')
    expect(close).toHaveBeenCalledOnce()
    expect(output.join('\n')).toMatch(/recall@1\s+0\.0%/)
  })

  it('explains bad arguments and bad files as usage errors', async () => {
    const { labels, scores } = files()
    await expect(evalRunner(neverOpened)({ scores }, [])).rejects.toThrow(/needs --labels/)
    await expect(evalRunner(neverOpened)({ labels, scores, k: '0' }, [])).rejects.toThrow(/--k must be/)
    await expect(evalRunner(neverOpened)({ labels: scores, scores }, [])).rejects.toThrow(/labels.users must be a list/)
    await expect(evalRunner(neverOpened)({ labels, scores: labels }, [])).rejects.toThrow(/argus analyze --json/)
    await expect(evalRunner(neverOpened)({ labels: folder.file('missing.json'), scores }, [])).rejects.toThrow(/cannot read the labels file/)
  })
})
