import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { folderPerTest } from '../store/test-workspace'
import { main } from './main'
import { latestMigration } from '../store/migrations'

const folder = folderPerTest()
let output: string[] = []
let errors: string[] = []

beforeEach(() => {
  output = []
  errors = []
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void output.push(parts.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk))
    return true
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('argus CLI', () => {
  it('makes a contract call against a workspace file and prints JSON', async () => {
    const db = folder.file('cli.db')
    expect(await main(['call', 'workspace:info', '--db', db])).toBe(0)
    expect(JSON.parse(output.join(''))).toMatchObject({ path: db, schemaVersion: latestMigration })
  })

  it('refuses a malformed request with the typed error and exit code 2', async () => {
    expect(await main(['call', 'events:list', '{"limit": -1}', '--db', folder.file('cli.db')])).toBe(2)
    expect(errors).toEqual([expect.stringMatching(/^argus: bad_request: events:list: limit: Too small/)])
  })

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['serve', '--port', 'eighty'], /--port must be a whole number/],
    [['serve', '--colour'], /Unknown option '--colour'/],
    [['analyze'], /analyze needs at least one PATH/],
    [['analyze', '/no/such/place'], /no such file or folder: \/no\/such\/place/],
    [['call', 'events:list', '{not json'], /not valid JSON/],
  ])('exits 2 with a one-line usage error for %j', async (argv, message) => {
    expect(await main(argv)).toBe(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it('exits 1 with one line when the work itself fails', async () => {
    expect(await main(['analyze', folder.path])).toBe(1)
    expect(errors).toEqual(['argus: not_available: analyze: log import and scoring are not available yet in this build'])
  })

  it('prints the version and the help', async () => {
    expect(await main(['version'])).toBe(0)
    expect(output.join('')).toMatch(/^\d+\.\d+\.\d+/)
    output = []
    expect(await main(['--help'])).toBe(0)
    expect(output.join('')).toContain('Usage: argus <command>')
  })
})
