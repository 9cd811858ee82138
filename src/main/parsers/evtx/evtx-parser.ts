import type { LogParser, Sample } from '../types'
import type { WindowsEventRecord } from '../windows-event'
import { mapWindowsEvent } from '../windows-event-map'
import { hasSignature } from './bytes'

/**
 * Windows .evtx files. The `evtx` framing reads the file header and each 64 KiB chunk with
 * `readEvtxFileHeader` / `parseEvtxChunk` and hands over decoded records; this maps them.
 */
export const evtxParser: LogParser<WindowsEventRecord> = {
  name: 'evtx',
  description: 'Windows event log files (.evtx): Security, Sysmon, System, Application and any other channel',
  framing: 'evtx',
  sniff(sample: Sample): number {
    return hasSignature(sample.head, 0, 'ElfFile\0') ? 1 : 0
  },
  open() {
    return {
      parse(record: WindowsEventRecord) {
        return mapWindowsEvent(record)
      },
    }
  },
}
