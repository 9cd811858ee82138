// Removable storage in Linux syslog: the kernel's and udisks' lines about a USB stick, and who
// sat at the machine when it went in.
//
// One stick leaves up to three lines within a second or two:
//   kernel: usb-storage 1-1:1.0: USB Mass Storage device detected
//   kernel: sd 6:0:0:0: [sdb] Attached SCSI removable disk
//   udisksd[900]: Mounted /dev/sdb1 at /media/alice/KINGSTON on behalf of uid 1000
// One insertion is one `device_connect`, the first of them on its host (`HostDevices`), so the
// connection count of a user-day is the number of sticks, whichever lines a machine logs. A
// later mount is a `device_mount` (where it went, for whom); a later kernel line stays a system
// message. `usb 1-1: new high-speed USB device` is left alone: keyboards and mice log it too.
//
// The kernel names no user. A stick is credited to whoever opened the latest session on that
// host (`attrs.userFrom` says so); udisks names the user in the mount point.

import type { NormalizedEvent } from '../../shared/event'
import { type Finding, demoteToSystemMessage } from './syslog-fields'

const storageDetected = ': USB Mass Storage device detected'
const removableDisk = ' Attached SCSI removable disk'

/** A kernel message about removable storage as a connect; null for every other kernel line. */
export function interpretKernel(text: string): Finding | null {
  const message = withoutUptime(text)
  if (message.startsWith('usb-storage ') && message.endsWith(storageDetected)) {
    const port = message.slice(12, -storageDetected.length)
    return connect(`usb ${port}`, { bus: 'usb', port })
  }
  if (message.startsWith('sd ') && message.endsWith(removableDisk)) {
    const open = message.indexOf('[')
    const close = message.indexOf(']', open)
    const disk = open > 0 && close > open ? message.slice(open + 1, close) : null
    return connect(disk === null ? 'removable disk' : `/dev/${disk}`, disk === null ? {} : { disk })
  }
  return null
}

/** `[12345.678901] usb …` → `usb …` (the uptime stamp the kernel may prefix). */
function withoutUptime(text: string): string {
  if (!text.startsWith('[')) return text
  const close = text.indexOf('] ')
  return close < 0 ? text : text.slice(close + 2)
}

function connect(object: string, attrs: Record<string, unknown>): Finding {
  return { category: 'device', action: 'device_connect', outcome: 'success', object, attrs: { ...attrs, removable: true } }
}

const mountRoots = ['/media/', '/run/media/']

/**
 * udisks: `Mounted /dev/sdb1 at /media/alice/KINGSTON on behalf of uid 1000` (udisks2 also
 * writes `Mounted /dev/sdb1 at /media/alice/KINGSTON.` without the uid), and `Unmounted /dev/sdb1
 * on behalf of uid 1000`. The user is the folder under /media or /run/media.
 */
export function interpretUdisks(text: string): Finding | null {
  if (text.startsWith('Unmounted ')) {
    const device = text.slice(10).split(' ')[0]!
    return { category: 'device', action: 'device_unmount', outcome: 'success', object: device, attrs: { removable: true, device } }
  }
  if (!text.startsWith('Mounted ')) return null
  const atAt = text.indexOf(' at ')
  if (atAt < 0) return null
  const behalfAt = text.indexOf(' on behalf of uid ', atAt)
  const mountPoint = text.slice(atAt + 4, behalfAt < 0 ? undefined : behalfAt).replace(/\.$/, '')
  const attrs: Record<string, unknown> = { removable: true, device: text.slice(8, atAt), mountPoint }
  if (behalfAt >= 0) attrs.uid = Number.parseInt(text.slice(behalfAt + 18), 10)
  const root = mountRoots.find((prefix) => mountPoint.startsWith(prefix))
  const owner = root === undefined ? null : mountPoint.slice(root.length).split('/')[0] || null
  return { category: 'device', action: 'device_connect', outcome: 'success', user: owner, object: mountPoint, attrs }
}

/** Lines about one stick this close together on one host are one insertion. */
const insertionWindowMs = 2 * 60_000
/** A session this old no longer says who is at the machine. */
const seatWindowMs = 12 * 3_600_000
const sessionActions: ReadonlySet<string> = new Set(['session_open', 'logon', 'ssh_accept'])
/** Sessions opened for jobs, not people. */
const serviceSessions: ReadonlySet<string> = new Set(['cron', 'systemd-user', 'atd'])

/**
 * Per host of one log: who opened the latest session there, and when removable storage last
 * connected. Turns the later lines of one insertion into a `device_mount` or a system message
 * and credits kernel lines to the person at the machine.
 */
export class HostDevices {
  private readonly seats = new Map<string, { user: string; ts: number }>()
  private readonly connects = new Map<string, number>()

  observe(event: NormalizedEvent): void {
    if (event.host === null) return
    if (sessionActions.has(event.action)) this.seat(event, event.host)
    if (event.category !== 'device') return
    if (event.action === 'device_connect' && this.isSameInsertion(event, event.host)) {
      if (event.attrs.mountPoint !== undefined) {
        event.action = 'device_mount'
      } else {
        demoteToSystemMessage(event, `removable storage ${event.object ?? ''}`.trim(), 'the same insertion as the connect before it')
        return
      }
    }
    const seat = this.seats.get(event.host)
    if (event.user === null && seat !== undefined && event.ts >= seat.ts && event.ts - seat.ts <= seatWindowMs) {
      event.user = seat.user
      event.attrs.userFrom = 'the latest session opened on this host'
    }
  }

  /** True when storage connected on this host moments before; otherwise remembers this connect. */
  private isSameInsertion(event: NormalizedEvent, host: string): boolean {
    const last = this.connects.get(host)
    if (last !== undefined && event.ts >= last && event.ts - last <= insertionWindowMs) return true
    this.connects.set(host, event.ts)
    return false
  }

  private seat(event: NormalizedEvent, host: string): void {
    if (event.outcome === 'failure' || event.user === null || event.user === 'root') return
    if (typeof event.attrs.uid === 'number' && event.attrs.uid < 1000) return
    if (typeof event.attrs.service === 'string' && serviceSessions.has(event.attrs.service.toLowerCase())) return
    this.seats.set(host, { user: event.user, ts: event.ts })
  }
}
