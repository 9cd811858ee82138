// A payments / card export: one money movement per row, ISO 8601 UTC times.

import { isoStamp } from '../calendar'
import type { Stream } from '../output'
import type { Random } from '../random'

export type Channel = 'wire' | 'ach' | 'sepa' | 'card' | 'online'

export function transfer(
  stream: Stream,
  random: Random,
  ts: number,
  at: { user: string; amount: number; counterparty: string; channel: Channel; type: string; status?: 'completed' | 'declined' },
): void {
  const id = `TX${random.code(10, '0123456789')}`
  const counterparty = at.counterparty.includes(',') ? `"${at.counterparty}"` : at.counterparty
  stream.push(ts, `${id},${isoStamp(ts)},${at.user},${at.amount.toFixed(2)},USD,${counterparty},${at.channel},${at.type},${at.status ?? 'completed'}`)
}
