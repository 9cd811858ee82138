// Financial transaction exports: one money movement per row. Column names vary by bank and
// dataset, so each role accepts a list of names (compared after normalizeHeaderName).

import type { EventOutcome } from '../../shared/event'
import { camelCase, findColumn, firstCsvRow, normalizeHeaderName, otherColumns } from './csv-fields'
import { type CsvRecordParser, openCsv } from './csv-reader'
import { decodeTableTime, unreadableTimeReason, WallClock } from './csv-time'
import { makeEvent } from './normalize'
import type { LogParser, ParseContext, Sample } from './types'

const userColumns = [
  'account_id', 'customer_id', 'account', 'customer', 'user_id', 'user', 'client_id', 'sender_account', 'sender',
  'nameorig', 'name_orig', 'from_account', 'source_account', 'payer', 'originator', 'account_number',
]
const timeColumns = [
  'txn_time', 'transaction_time', 'timestamp', 'trans_date_trans_time', 'transaction_datetime', 'txn_timestamp',
  'datetime', 'date_time', 'event_time', 'created_at', 'time', 'transaction_date', 'txn_date', 'date', 'ts',
]
const amountColumns = ['amount', 'amt', 'txn_amount', 'transaction_amount', 'amount_usd', 'value']
const counterpartyColumns = [
  'counterparty', 'counterparty_account', 'counterparty_id', 'beneficiary', 'beneficiary_account', 'beneficiary_name',
  'merchant', 'merchant_name', 'merchant_id', 'payee', 'recipient', 'receiver', 'namedest', 'name_dest', 'to_account',
  'destination_account', 'dest_account',
]
const channelColumns = ['channel', 'txn_channel', 'transaction_channel']
const currencyColumns = ['currency', 'ccy', 'currency_code']
const typeColumns = ['type', 'txn_type', 'transaction_type']
const statusColumns = ['status', 'txn_status', 'transaction_status']
const ipColumns = ['ip', 'ip_address', 'src_ip', 'client_ip']
const hostColumns = ['host', 'device_id', 'terminal_id']

const outcomes: ReadonlyMap<string, EventOutcome> = new Map([
  ...['completed', 'complete', 'success', 'succeeded', 'successful', 'approved', 'settled', 'posted', 'ok'].map((word) => [word, 'success'] as const),
  ...['failed', 'failure', 'declined', 'rejected', 'denied', 'error'].map((word) => [word, 'failure'] as const),
])

function isTransactionHeader(names: readonly string[]): boolean {
  if (findColumn(names, amountColumns) < 0 || findColumn(names, userColumns) < 0) return false
  return [timeColumns, counterpartyColumns, channelColumns, typeColumns].some((columns) => findColumn(names, columns) >= 0)
}

/**
 * Amount, user and one of time/counterparty/channel/type columns: 0.85 with a time column,
 * 0.6 without (still ours, so the import explains the missing time instead of guessing).
 */
export function sniffTransactions(sample: Sample): number {
  const row = firstCsvRow(sample.lines)
  if (row === null) return 0
  const names = row.map(normalizeHeaderName)
  if (!isTransactionHeader(names)) return 0
  return findColumn(names, timeColumns) >= 0 ? 0.85 : 0.6
}

/** `1,234.50`, `$12.00`, `-7`: a number with an optional currency sign and thousands commas. */
export function parseAmount(text: string): number | null {
  let value = text.trim()
  const first = value.charCodeAt(0)
  if (first === 36 || first === 0x20ac || first === 0xa3 || first === 0xa5) value = value.slice(1) // $ € £ ¥
  if (value.includes(',')) value = value.replaceAll(',', '')
  if (value === '') return null
  const amount = Number(value)
  return Number.isFinite(amount) ? amount : null
}

/** Opens one transaction table; see `transactionCsvParser`. */
export function openTransactions(context: ParseContext): CsvRecordParser {
  const clock = new WallClock(context.timeZone)
  return openCsv((row) => {
    const names = row.map(normalizeHeaderName)
    if (!isTransactionHeader(names)) {
      return { fileError: `not a transaction table: the header needs an amount column (${amountColumns.join('/')}) and an account/user column (${userColumns.slice(0, 6).join('/')}, …)` }
    }
    const timeIndex = findColumn(names, timeColumns)
    if (timeIndex < 0) {
      return {
        fileError:
          `no timestamp column: none of ${timeColumns.slice(0, 6).join(', ')}, … ` +
          '(a step or hour counter cannot place events in time); add a timestamp column or map one (generic-csv)',
      }
    }
    const column = {
      user: findColumn(names, userColumns),
      amount: findColumn(names, amountColumns),
      counterparty: findColumn(names, counterpartyColumns),
      channel: findColumn(names, channelColumns),
      currency: findColumn(names, currencyColumns),
      type: findColumn(names, typeColumns),
      status: findColumn(names, statusColumns),
      ip: findColumn(names, ipColumns),
      host: findColumn(names, hostColumns),
    }
    const used = new Set([timeIndex, ...Object.values(column)])
    const keys = names.map(camelCase)
    const width = names.length
    const cell = (fields: readonly string[], index: number): string => (index >= 0 ? (fields[index] ?? '').trim() : '')
    return {
      firstRowIsData: false,
      read(fields) {
        if (fields.length < width) return { reject: `row has ${fields.length} fields, the header has ${width}` }
        const time = cell(fields, timeIndex)
        const ts = decodeTableTime(time, clock)
        if (ts === null) return { reject: unreadableTimeReason(time) }
        const amountText = cell(fields, column.amount)
        const amount = parseAmount(amountText)
        if (amount === null) return { reject: `unreadable amount '${amountText.slice(0, 40)}'` }
        const attrs: Record<string, unknown> = {}
        for (const key of ['channel', 'currency', 'type', 'status'] as const) {
          const value = cell(fields, column[key])
          if (value !== '') attrs[key] = value
        }
        return makeEvent({
          ts,
          category: 'transaction',
          action: 'transfer',
          outcome: outcomes.get(cell(fields, column.status).toLowerCase()) ?? 'unknown',
          user: cell(fields, column.user),
          host: cell(fields, column.host),
          srcIp: cell(fields, column.ip),
          object: cell(fields, column.counterparty),
          amount,
          attrs: otherColumns(fields, keys, used, attrs),
        })
      },
    }
  })
}

/**
 * Transaction CSV (account/customer, time, amount, counterparty/beneficiary/merchant, channel,
 * currency, type, status): one `transfer` event (category transaction) per row, object = the
 * counterparty, amount set, outcome from a status column when there is one.
 */
export const transactionCsvParser: LogParser = {
  name: 'transaction-csv',
  description: 'Financial transactions CSV (account, time, amount, counterparty, channel)',
  framing: 'lines',
  sniff: sniffTransactions,
  open: openTransactions,
}
