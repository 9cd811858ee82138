import type { MappableField, NormalizedEvent } from '../../shared/event'

/**
 * How a file is cut into records before a parser sees them:
 * - `lines`: one record per line (LF, CRLF or bare CR), without its terminator;
 * - `json`: one record per top-level JSON value: each line of JSON lines, or each element of a
 *   top-level JSON array (pretty-printed arrays included), as its JSON text;
 * - `evtx`: Windows event log records, as `WindowsEventRecord` objects (see windows-event.ts).
 */
export type Framing = 'lines' | 'json' | 'evtx'

/** What sniffing sees of a file: its name and its first bytes (up to 64 KiB). */
export interface Sample {
  /** File name or archive entry path, e.g. `logs/auth.log.1` (a hint only: content decides). */
  name: string
  head: Uint8Array
  /** `head` decoded as UTF-8 and split into lines (at most 200; the last may be cut short). */
  lines: readonly string[]
}

/** First and last epoch ms of a set of events. */
export interface TimeSpan {
  from: number
  to: number
}

/** What a parser knows about the file it is reading. */
export interface ParseContext {
  /** Where the records come from, for attrs and messages. */
  name: string
  /**
   * The year for formats that omit it (RFC 3164). null: infer from `fileTime` (a line cannot be
   * later than the file that holds it; December lines in a January file are last year's).
   */
  year: number | null
  /** Modification time of the file or archive entry, epoch ms; null when unknown. */
  fileTime: number | null
  /**
   * First and last time of the dated events imported with this file (ECS, EVTX, …), when there
   * are any: year-less lines are placed in the year nearest to them, before `fileTime` is asked.
   */
  yearReference?: TimeSpan | null
  /** IANA zone for timestamps that carry no offset (RFC 3164, CERT CSV). */
  timeZone: string
  /** A saved field mapping for generic JSON / CSV, by normalized field; undefined elsewhere. */
  mapping?: FieldMapping
}

/** Normalized field → source column / JSON path (dot-separated), for generic formats. */
export type FieldMapping = Partial<Record<MappableField, string>>

/** A record the parser understood but could not use. The line loop stores it in `rejects`. */
export interface Rejection {
  reject: string
}

/**
 * The whole file cannot be read as this format (e.g. a CSV whose header lacks any time column):
 * the import stops this file with one clear error instead of rejecting every line.
 */
export interface FileError {
  fileError: string
}

/**
 * Facts about a person rather than an event: CERT `psychometric.csv` (OCEAN scores) and LDAP
 * snapshots (role, department, supervisor). Stored per user for peer groups and the OCEAN radar.
 */
export interface ProfileRecord {
  profile: {
    user: string
    kind: 'psychometric' | 'directory'
    fields: Record<string, string | number>
  }
}

/**
 * What one record yields: an event, several events, a rejection, a profile, a file-level error,
 * or null for a record that carries no event by design (blank line, CSV header, comment).
 */
export type ParseOutcome = NormalizedEvent | NormalizedEvent[] | Rejection | ProfileRecord | FileError | null

/** The state for reading one file (a CSV header, the running year of RFC 3164 lines, …). */
export interface RecordParser<R = string> {
  parse(record: R, recordNo: number): ParseOutcome
  /** Called once after the last record, for what a parser held back (an unterminated CSV quote). */
  finish?(): ParseOutcome
}

/** One log format. Registered in `parsers/index.ts`; pure: no I/O, no database. */
export interface LogParser<R = string> {
  /** Stable id, stored with each import and accepted by `--format`: `linux-syslog`, `evtx`, … */
  readonly name: string
  /** One line for humans: what files this reads. */
  readonly description: string
  readonly framing: Framing
  /** Confidence in [0, 1] that the sample is this format; the highest wins. */
  sniff(sample: Sample): number
  /** Starts reading one file. */
  open(context: ParseContext): RecordParser<R>
  /**
   * True when the sampled records carry no year (RFC 3164): the import job then reads this file
   * after the dated ones, so that their span can set its year (`ParseContext.yearReference`).
   */
  needsYear?(sample: Sample): boolean
}

export function isRejection(outcome: ParseOutcome): outcome is Rejection {
  return outcome !== null && !Array.isArray(outcome) && 'reject' in outcome
}

export function isFileError(outcome: ParseOutcome): outcome is FileError {
  return outcome !== null && !Array.isArray(outcome) && 'fileError' in outcome
}

export function isProfile(outcome: ParseOutcome): outcome is ProfileRecord {
  return outcome !== null && !Array.isArray(outcome) && 'profile' in outcome
}
