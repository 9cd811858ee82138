// What the endpoint agent and CERT's file/device tables see on an ordinary day: programs,
// document work on shares and the home folder, and now and then a USB stick.

import { minuteMs } from './calendar'
import { departmentShares } from './catalog-hosts'
import { words } from './catalog-people'
import { type CertFileActivity, certDevice, certFile, fileContent } from './formats/cert'
import { type FileVerb, ecsFile, ecsProcess } from './formats/ecs'
import { type WorkDay, momentIn } from './work-day'

const fileVerbs: readonly FileVerb[] = ['open', 'open', 'open', 'open', 'open', 'open', 'write', 'write', 'write', 'create', 'delete']
const certActivities: readonly CertFileActivity[] = ['File Open', 'File Open', 'File Open', 'File Open', 'File Open', 'File Write', 'File Write', 'File Write', 'File Copy', 'File Delete']

function processNameOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1)
  if (extension === 'xlsx' || extension === 'csv') return 'EXCEL.EXE'
  if (extension === 'pptx') return 'POWERPNT.EXE'
  if (extension === 'pdf') return 'Acrobat.exe'
  if (extension === 'docx') return 'WINWORD.EXE'
  return 'explorer.exe'
}

/** A document the person works on: mostly their usual ones, sometimes a new one in their share. */
export function workingFile(day: WorkDay): string {
  const { person, random } = day
  const files = person.habits.files
  if (random.chance(0.9)) return files[random.favourite(files.length)] as string
  const share = departmentShares[person.department] ?? { share: '\\\\fs01\\public', extensions: ['docx'] }
  return `${share.share}\\${random.pick(words)}\\${random.pick(words)}-${random.pick(words)}-${random.int(1, 40)}.${random.pick(share.extensions)}`
}

export function fileSize(day: WorkDay): number {
  return Math.round(day.random.logNormal(11.5, 1.3))
}

/** Files copied onto a connected stick: CERT's `File Copy … True` and the agent's file creation on E:. */
export function copyToRemovable(day: WorkDay, ts: number, path: string): void {
  const { person, random, out } = day
  const name = path.slice(path.lastIndexOf('\\') + 1)
  certFile(out.streams.certFile, random, ts, person, { pc: day.host, path, activity: 'File Copy', toRemovable: true, fromRemovable: false, content: fileContent(random, path, words) })
  ecsFile(out.streams.ecsFile, ts + 40, { user: person.id, host: day.host, verb: 'create', path: `E:\\${name}`, size: fileSize(day), process: 'explorer.exe' })
}

/** A stick connected at `ts`; returns when it was removed. */
export function usbSession(day: WorkDay, ts: number, minutes: number, copy: (at: number, until: number) => void): number {
  const { person, random, out } = day
  const tree = `E:\\;E:\\${random.pick(words)};E:\\${random.pick(words)}`
  certDevice(out.streams.certDevice, random, ts, person, day.host, 'Connect', tree)
  const until = ts + minutes * minuteMs
  copy(ts + random.int(20, 120) * 1000, until)
  certDevice(out.streams.certDevice, random, until, person, day.host, 'Disconnect', tree)
  return until
}

export function ordinaryEndpoint(day: WorkDay): void {
  const { person, random, out } = day
  const habits = person.habits
  const streams = out.streams
  const programs = habits.programs
  const processes = random.poisson(habits.rates.process * day.volume)
  for (let index = 0; index < processes; index++) {
    const program = programs[random.favourite(programs.length, 0.6)]
    if (!program) break
    ecsProcess(streams.ecsProcess, momentIn(day), {
      user: person.id, host: day.host, executable: program.path.replace('%USER%', person.id), args: program.args, pid: random.int(1000, 40000), parent: 'explorer.exe',
    })
  }
  const files = random.poisson(habits.rates.file * day.volume)
  for (let index = 0; index < files; index++) {
    const path = workingFile(day)
    ecsFile(streams.ecsFile, momentIn(day), { user: person.id, host: day.host, verb: random.pick(fileVerbs), path, size: fileSize(day), process: processNameOf(path) })
  }
  const rows = random.poisson(habits.rates.certFile * day.volume)
  for (let index = 0; index < rows; index++) {
    const path = workingFile(day)
    certFile(streams.certFile, random, momentIn(day), person, {
      pc: day.host, path, activity: random.pick(certActivities), toRemovable: false, fromRemovable: false, content: fileContent(random, path, words),
    })
  }
  if (!day.weekend && habits.usb > 0 && random.chance(habits.usb)) {
    // A presentation for a client, photos from an event, a driver for a printer: a few files.
    usbSession(day, momentIn(day), random.int(3, 45), (at, until) => {
      const copies = random.int(0, 6)
      for (let index = 0; index < copies; index++) copyToRemovable(day, at + Math.floor(((until - at) * index) / (copies + 1)), workingFile(day))
      if (random.chance(0.4)) {
        const path = `E:\\${random.pick(words)}-${random.pick(words)}.pdf`
        certFile(streams.certFile, random, at + 1000, person, { pc: day.host, path, activity: 'File Open', toRemovable: false, fromRemovable: true, content: fileContent(random, path, words) })
      }
    })
  }
}
