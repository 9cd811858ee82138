/**
 * One Windows event, however it was read: from an .evtx file's binary XML, or from a JSON export
 * (Winlogbeat, OTRF/Mordor, nxlog). Parsers build this, then one mapping turns it into
 * normalized events, so EVTX and JSON exports of the same event agree.
 */
export interface WindowsEventRecord {
  /** System/EventRecordID. */
  recordId: number | null
  /** System/TimeCreated/@SystemTime as epoch ms (UTC); null when absent or unreadable. */
  ts: number | null
  /** System/EventID. */
  eventId: number
  /** System/Provider/@Name, e.g. `Microsoft-Windows-Security-Auditing`. */
  provider: string
  /** System/Channel, e.g. `Security`, `Microsoft-Windows-Sysmon/Operational`. */
  channel: string
  /** System/Computer. */
  computer: string
  /** System/Security/@UserID, a SID, when present. */
  userSid: string | null
  /** EventData/Data by @Name (or UserData's leaf elements by element name), as text. */
  data: Record<string, string>
  /** System/Keywords as hex text (audit success/failure bits), when present. */
  keywords?: string | null
  /**
   * The account an exporter already resolved (Winlogbeat's `user.name`, `DOMAIN\name` with
   * `user.domain`): the event's user when its own fields name none (a 4672 shipped without
   * event_data).
   */
  exporterUser?: string | null
}
