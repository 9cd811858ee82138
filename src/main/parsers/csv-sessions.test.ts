import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openSessions, sessionCsvParser } from './csv-sessions'
import type { ParseOutcome } from './types'

const fixtures = resolve(fileURLToPath(import.meta.url), '..', 'fixtures', 'csv')

function parseFile(file: string, timeZone = 'UTC'): ParseOutcome[] {
  const parser = openSessions({ name: file, year: null, fileTime: null, timeZone })
  const lines = readFileSync(resolve(fixtures, file), 'utf8').replace(/\n$/, '').split('\n')
  return [...lines.map((line, index) => parser.parse(line, index + 1)), parser.finish()]
}

describe('sessionCsvParser', () => {
  it('makes one session event per row with the other columns in attrs', () => {
    const [header, first, second, third, end] = parseFile('sessions-timestamped.csv', 'Europe/Berlin')
    expect(header).toBeNull()
    expect(first).toEqual({
      ts: Date.UTC(2024, 1, 5, 9, 12, 44),
      user: 'u1001',
      host: null,
      srcIp: null,
      dstIp: null,
      category: 'authentication',
      action: 'session',
      outcome: 'unknown',
      object: null,
      bytes: null,
      amount: null,
      attrs: { eventType: 'login', sessionDurationSec: 1834, eventsInSession: 42, hourOfDay: 9, dayOfWeek: 'Monday', deviceType: 'desktop' },
    })
    // Offset-less: wall clock in Berlin (UTC+1 in February).
    expect(second).toMatchObject({ ts: Date.UTC(2024, 1, 5, 22, 40, 10), user: 'u1002', attrs: { deviceType: 'mobile' } })
    expect(third).toEqual({ reject: "date without a time of day '2024-02-06'" })
    expect(end).toBeNull()
  })

  it('stops a file without a timestamp column instead of inventing dates', () => {
    const [header, row] = parseFile('sessions-no-timestamp.csv')
    const message =
      'no timestamp column: hour_of_day/day_of_week alone cannot place events in time; add a timestamp column (timestamp, ts, datetime, date_time, …) or map one (generic-csv)'
    expect(header).toEqual({ fileError: message })
    expect(row).toEqual({ fileError: message })
  })

  it('sniffs session headers with or without a time column', () => {
    const sample = (file: string) => {
      const head = readFileSync(resolve(fixtures, file))
      return { name: file, head, lines: head.toString('utf8').split('\n') }
    }
    expect(sessionCsvParser.sniff(sample('sessions-timestamped.csv'))).toBe(0.9)
    expect(sessionCsvParser.sniff(sample('sessions-no-timestamp.csv'))).toBe(0.9)
    expect(sessionCsvParser.sniff(sample('transactions.csv'))).toBe(0)
  })
})
