// A USB stick and a mass copy: first a sweep of documents (many outside the person's own
// folders), then hundreds of files copied to removable media in one sitting.

import { hourMs } from '../calendar'
import { words } from '../catalog-people'
import { certFile, fileContent } from '../formats/cert'
import { ecsFile } from '../formats/ecs'
import { copyToRemovable, usbSession, workingFile } from '../normal-endpoint'
import { type WorkDay, momentIn } from '../work-day'
import { unusualFile } from './off-hours-spree'
import { type Scenario, consecutiveDays, frame, someWeekdays } from './scenario'

function exfiltrate(day: WorkDay): void {
  const { random, person, out } = day
  // Half stay late to do it, half do it during the day.
  const late = random.chance(0.5)
  const endHour = (day.end - day.dayStart) / hourMs
  const from = late ? Math.min(endHour + 0.2, 21) : 10 + random.next() * 5
  const session = frame(day, from, from + 1 + random.next(), false)
  const picked: string[] = []
  for (let index = random.int(20, 60); index > 0; index--) {
    const path = random.chance(0.7) ? unusualFile(session) : workingFile(session)
    picked.push(path)
    const ts = momentIn(session, session.start, session.start + (session.end - session.start) / 3)
    ecsFile(out.streams.ecsFile, ts, { user: person.id, host: session.host, verb: 'open', path, size: random.int(20_000, 9_000_000), process: 'explorer.exe' })
    certFile(out.streams.certFile, random, ts + 40, person, { pc: session.host, path, activity: 'File Open', toRemovable: false, fromRemovable: false, content: fileContent(random, path, words) })
  }
  const copyStart = session.start + (session.end - session.start) / 3
  usbSession(session, Math.floor(copyStart), random.int(30, 90), (at, until) => {
    const copies = random.int(80, 400)
    for (let index = 0; index < copies; index++) {
      const path = random.chance(0.5) ? (picked[index % picked.length] as string) : unusualFile(session)
      copyToRemovable(session, at + Math.floor(((until - at) * index) / copies), path)
    }
  })
}

export const removableMediaExfiltration: Scenario = {
  name: 'removable_media_exfiltration',
  forcesPresence: true,
  fit: (person) => (person.habits.usb > 0 ? 1 : 2),
  plan(random, _person, range) {
    const days = random.chance(0.5) ? consecutiveDays(random, range, 2, true) : someWeekdays(random, range, random.int(1, 2))
    return { days, variant: 'usb', detail: '' }
  },
  write(day) {
    exfiltrate(day)
  },
}
