import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openTransactions, parseAmount, transactionCsvParser } from './csv-transactions'
import type { ParseOutcome } from './types'

const fixtures = resolve(fileURLToPath(import.meta.url), '..', 'fixtures', 'csv')

function parseFile(file: string): ParseOutcome[] {
  const parser = openTransactions({ name: file, year: null, fileTime: null, timeZone: 'UTC' })
  const lines = readFileSync(resolve(fixtures, file), 'utf8').replace(/\n$/, '').split('\n')
  return lines.map((line, index) => parser.parse(line, index + 1))
}

describe('transactionCsvParser', () => {
  it('makes transfers with amount, counterparty, channel, currency and status', () => {
    const [, first, second, third, fourth] = parseFile('transactions.csv')
    expect(first).toEqual({
      ts: Date.UTC(2024, 1, 5, 9, 15, 0),
      user: 'acc-1001',
      host: null,
      srcIp: null,
      dstIp: null,
      category: 'transaction',
      action: 'transfer',
      outcome: 'success',
      object: 'ACME GmbH',
      bytes: null,
      amount: 1250,
      attrs: { channel: 'online', currency: 'EUR', type: 'transfer', status: 'completed', transactionId: 'T0001', rawUser: 'ACC-1001' },
    })
    expect(second).toMatchObject({ ts: Date.UTC(2024, 1, 5, 21, 47, 31), amount: -75.5, object: 'Kiosk "Am Markt"', outcome: 'failure' })
    expect(third).toMatchObject({ ts: 1707130800000, amount: 9800, outcome: 'unknown', attrs: { currency: 'USD', channel: 'branch' } })
    expect(fourth).toEqual({ reject: "unreadable time 'yesterday'" })
  })

  it('explains a table whose only clock is a step counter', () => {
    const [header] = parseFile('transactions-paysim.csv')
    expect(header).toEqual({
      fileError:
        'no timestamp column: none of txn_time, transaction_time, timestamp, trans_date_trans_time, transaction_datetime, txn_timestamp, … (a step or hour counter cannot place events in time); add a timestamp column or map one (generic-csv)',
    })
  })

  it('reads amounts with signs, currency symbols and thousands separators', () => {
    expect(['12', '-7.25', '$1,250.00', '€ 3', '£0.5', '', 'abc'].map(parseAmount)).toEqual([12, -7.25, 1250, 3, 0.5, null, null])
  })

  it('sniffs lower without a time column, so the file error is what the user sees', () => {
    const sample = (file: string) => {
      const head = readFileSync(resolve(fixtures, file))
      return { name: file, head, lines: head.toString('utf8').split('\n') }
    }
    expect(transactionCsvParser.sniff(sample('transactions.csv'))).toBe(0.85)
    expect(transactionCsvParser.sniff(sample('transactions-paysim.csv'))).toBe(0.6)
    expect(transactionCsvParser.sniff(sample('cert-r62-email.csv'))).toBe(0)
  })
})
