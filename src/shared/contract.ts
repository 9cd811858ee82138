import { z } from 'zod'
import type { ApiChannel, EventChannel } from './channels'
import { eventCategories, eventOutcomes, mappableFields } from './event'
import { isTimeZone } from './time-zone'
import {
  alertCursorSchema,
  alertDetailSchema,
  alertPercentileSchema,
  playbookEntrySchema,
  alertSchema,
  alertsQuerySchema,
  detectorPrecisionSchema,
  eventScoreSchema,
  eventToScoreSchema,
  rankCursorSchema,
  scoringSettingsSchema,
  scoringSummarySchema,
  userDetailSchema,
  userRiskSchema,
  usersQuerySchema,
  verdictInputSchema,
  weightsSchema,
} from './scoring-schemas'
import { caseContract } from './case-schemas'
import { alertStatsQuerySchema, alertStatsSchema, weekHoursQuerySchema, weekHoursSchema } from './stats-schemas'

/**
 * The ArgusApi contract: every call's input and output and every pushed event, as runtime
 * schemas. Main implements it once; the IPC adapter, the HTTP door, the preload, the browser
 * client and the CLI all validate against these same schemas.
 */

const empty = z.object({}).strict()
const epochMs = z.number().int().nonnegative()
const pageLimit = z.number().int().min(1).max(1000).default(100)
const timeZoneName = z.string().min(1).max(64).refine(isTimeZone, 'not an IANA time zone')
/** The year of RFC 3164 syslog lines, which carry none. */
const syslogYear = z.number().int().min(1970).max(2100)

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
  workerThreads: z.number().int(),
  door: z.enum(['electron', 'http', 'cli']),
})

export const workspaceInfoSchema = z.object({
  path: z.string(),
  readOnly: z.boolean(),
  sizeBytes: z.number().int(),
  schemaVersion: z.string(),
  createdAt: epochMs,
  timeZone: z.string(),
  /** The year imports give RFC 3164 lines when they name none; null: each file's modification time decides. */
  defaultYear: z.number().int().nullable(),
  counts: z.object({ events: z.number().int(), sources: z.number().int(), rejects: z.number().int() }),
})

export const importStatuses = ['running', 'done', 'failed', 'cancelled'] as const

export const importSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  entry: z.string().nullable(),
  format: z.string().nullable(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  status: z.enum(importStatuses),
  events: z.number().int(),
  rejects: z.number().int(),
  error: z.string().nullable(),
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
})

/** Keyset cursor for lists ordered newest first: the last row's (ts, id). */
export const eventCursorSchema = z.object({ ts: z.number().int(), id: z.number().int() }).strict()

export const eventRowSchema = z.object({
  id: z.number().int(),
  ts: z.number().int(),
  user: z.string().nullable(),
  host: z.string().nullable(),
  srcIp: z.string().nullable(),
  dstIp: z.string().nullable(),
  category: z.enum(eventCategories),
  action: z.string(),
  outcome: z.enum(eventOutcomes),
  object: z.string().nullable(),
  bytes: z.number().nullable(),
  amount: z.number().nullable(),
  sourceId: z.number().int(),
  lineNo: z.number().int(),
  attrs: z.record(z.string(), z.unknown()),
})

export const eventsQuerySchema = z
  .object({
    limit: pageLimit,
    cursor: eventCursorSchema.nullish(),
    user: z.string().min(1).max(256).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
  })
  .strict()

export const importsQuerySchema = z
  .object({ limit: pageLimit, cursor: z.number().int().nullish() })
  .strict()

export const dayCountSchema = z.object({ date: z.string(), events: z.number().int() })

export const importRequestSchema = z
  .object({
    /** Files, folders or archives on this machine. */
    paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    /** A parser name to use instead of sniffing (see `imports:formats`). */
    format: z.string().min(1).max(64).optional(),
    /** The year for RFC 3164 syslog lines, which carry none. */
    year: syslogYear.optional(),
    /** IANA zone for timestamps without an offset; the workspace's zone by default. */
    timeZone: timeZoneName.optional(),
    /**
     * For `generic-csv` / `generic-json`: normalized field → column name or JSON dot path. Saved
     * in the workspace per format, and used again when a later import names the format alone.
     */
    mapping: z.partialRecord(z.enum(mappableFields), z.string().min(1).max(256)).optional(),
  })
  .strict()

export const importFileResultSchema = z.object({
  path: z.string(),
  entry: z.string().nullable(),
  format: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  status: z.enum(['done', 'failed', 'cancelled', 'duplicate']),
  events: z.number().int(),
  rejects: z.number().int(),
  error: z.string().nullable(),
  /** For a duplicate: the earlier import of the same content. */
  duplicateOf: z.number().int().nullable(),
})

/** A zone read from the logs themselves: from their timestamps' offsets, or by aligning year-less lines with dated events. */
const inferredZone = z.object({ timeZone: z.string(), minutesEast: z.number().int(), stamps: z.number().int(), basis: z.enum(['offsets', 'alignment']) })

export const importSummarySchema = z.object({
  jobId: z.number().int(),
  state: z.enum(['done', 'failed', 'cancelled']),
  events: z.number().int(),
  rejects: z.number().int(),
  files: z.array(importFileResultSchema),
  error: z.string().nullable(),
  /**
   * The zone a first import read from the logs (no zone was set): from its timestamps' offsets, else
   * from its year-less lines' own clock. It is now the workspace's, and year-less lines were read in
   * it unless `syslogClock` says otherwise. Absent or null: the workspace's zone was used.
   */
  inferredTimeZone: inferredZone.nullable().optional(),
  /** Set when the year-less syslog lines were read at a clock of their own, not the inferred zone's (see `ClockAlignment`). */
  syslogClock: inferredZone.nullable().optional(),
})

export const ingestProgressSchema = z.object({
  jobId: z.number().int(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  paths: z.array(z.string()),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  events: z.number().int(),
  rejects: z.number().int(),
  eventsPerSecond: z.number(),
  filesDone: z.number().int(),
  currentEntry: z.string().nullable(),
  startedAt: epochMs,
})

const port = z.number().int().min(0).max(65535)

export const syslogStartSchema = z
  .object({
    /** Interface to bind; loopback unless the analyst deliberately opens it to the network. */
    host: z.string().min(1).max(255).default('127.0.0.1'),
    /** Absent: that transport stays off. 0 picks a free port. */
    udpPort: port.optional(),
    tcpPort: port.optional(),
  })
  .strict()
  .refine((value) => value.udpPort !== undefined || value.tcpPort !== undefined, 'give udpPort, tcpPort or both')

export const syslogStatusSchema = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  host: z.string().nullable(),
  udpPort: z.number().int().nullable(),
  tcpPort: z.number().int().nullable(),
  received: z.number().int(),
  parsed: z.number().int(),
  rejected: z.number().int(),
  dropped: z.number().int(),
  /** The import that holds this session's events. */
  sourceId: z.number().int().nullable(),
  startedAt: epochMs.nullable(),
  error: z.string().nullable(),
})

export const rejectRowSchema = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  lineNo: z.number().int(),
  reason: z.string(),
  excerpt: z.string(),
})

export const contract = {
  'app:health': { input: empty, output: healthSchema },
  'workspace:info': { input: empty, output: workspaceInfoSchema },
  /** Scored days are calendar days of this zone: changing it rescores the workspace. */
  'workspace:setTimeZone': { input: z.object({ timeZone: timeZoneName }).strict(), output: workspaceInfoSchema },
  'workspace:setDefaultYear': { input: z.object({ year: syslogYear.nullable() }).strict(), output: workspaceInfoSchema },
  'imports:list': {
    input: importsQuerySchema,
    output: z.object({ items: z.array(importSchema), nextCursor: z.number().int().nullable() }),
  },
  'events:list': {
    input: eventsQuerySchema,
    output: z.object({ items: z.array(eventRowSchema), nextCursor: eventCursorSchema.nullable() }),
  },
  'imports:start': { input: importRequestSchema, output: z.object({ jobId: z.number().int() }) },
  'imports:cancel': {
    input: z.object({ jobId: z.number().int() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'imports:jobs': { input: empty, output: z.object({ items: z.array(ingestProgressSchema) }) },
  'imports:rejects': {
    input: z.object({ sourceId: z.number().int(), limit: pageLimit, cursor: z.number().int().nullish() }).strict(),
    output: z.object({ items: z.array(rejectRowSchema), nextCursor: z.number().int().nullable() }),
  },
  'imports:formats': {
    input: empty,
    output: z.object({ items: z.array(z.object({ name: z.string(), description: z.string() })) }),
  },
  'syslog:start': { input: syslogStartSchema, output: syslogStatusSchema },
  'syslog:stop': { input: empty, output: syslogStatusSchema },
  'syslog:status': { input: empty, output: syslogStatusSchema },
  'scoring:run': { input: empty, output: scoringSummarySchema },
  'scoring:settings': { input: empty, output: scoringSettingsSchema },
  'scoring:setWeights': { input: weightsSchema, output: scoringSettingsSchema },
  'scoring:setAlertPercentile': { input: z.object({ percentile: alertPercentileSchema }).strict(), output: scoringSettingsSchema },
  'scoring:rules': { input: empty, output: z.object({ rules: z.array(z.record(z.string(), z.unknown())) }) },
  'scoring:setRules': {
    input: z.object({ rules: z.array(z.record(z.string(), z.unknown())).max(500) }).strict(),
    output: z.object({ rules: z.array(z.record(z.string(), z.unknown())) }),
  },
  /** Forgets the analyst's rule set: the workspace follows the built-in rules again. */
  'scoring:resetRules': { input: empty, output: z.object({ rules: z.array(z.record(z.string(), z.unknown())) }) },
  'scoring:precision': { input: empty, output: z.object({ items: z.array(detectorPrecisionSchema) }) },
  'scoring:scoreEvent': { input: eventToScoreSchema, output: eventScoreSchema },
  'users:listRisky': {
    input: usersQuerySchema,
    output: z.object({ items: z.array(userRiskSchema), nextCursor: rankCursorSchema.nullable() }),
  },
  'users:detail': { input: z.object({ user: z.string().min(1).max(256) }).strict(), output: userDetailSchema },
  'alerts:list': {
    input: alertsQuerySchema,
    output: z.object({ items: z.array(alertSchema), nextCursor: alertCursorSchema.nullable() }),
  },
  'alerts:stats': { input: alertStatsQuerySchema, output: alertStatsSchema },
  'alerts:verdict': { input: verdictInputSchema, output: alertSchema },
  'alerts:detail': { input: z.object({ id: z.number().int() }).strict(), output: alertDetailSchema },
  'scoring:playbook': { input: empty, output: z.object({ entries: z.record(z.string(), playbookEntrySchema) }) },
  'scoring:setPlaybookEntry': {
    input: z.object({ type: z.string().min(1).max(64), entry: playbookEntrySchema }).strict(),
    output: z.object({ entries: z.record(z.string(), playbookEntrySchema) }),
  },
  'stats:eventsPerDay': {
    input: z.object({ user: z.string().min(1).max(256).optional() }).strict(),
    output: z.object({ timeZone: z.string(), days: z.array(dayCountSchema) }),
  },
  /** A user's events by weekday and hour in a period, beside the same for everything before it. */
  'stats:weekHours': { input: weekHoursQuerySchema, output: weekHoursSchema },
  ...caseContract,
} as const satisfies Record<ApiChannel, { input: z.ZodType; output: z.ZodType }>

export const eventSchemas = {
  'job:progress': z.object({
    jobId: z.number().int(),
    kind: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  'workspace:changed': z.object({ reason: z.string() }),
  'ingest:progress': ingestProgressSchema,
  'ingest:finished': importSummarySchema,
  'syslog:status': syslogStatusSchema,
  'scoring:progress': z.object({ stage: z.string(), done: z.number(), total: z.number() }),
  'scoring:finished': scoringSummarySchema,
  'alerts:new': alertSchema,
} as const satisfies Record<EventChannel, z.ZodType>

export type Contract = typeof contract
/** What a caller passes: defaults may be left out. */
export type ApiInput<K extends ApiChannel> = z.input<Contract[K]['input']>
/** What a handler receives after validation: defaults filled in. */
export type ApiRequest<K extends ApiChannel> = z.output<Contract[K]['input']>
export type ApiOutput<K extends ApiChannel> = z.output<Contract[K]['output']>

/** The API as a client sees it: one async function per channel. */
export type ArgusApi = { [K in ApiChannel]: (input: ApiInput<K>) => Promise<ApiOutput<K>> }
/** The API as main implements it. */
export type ArgusHandlers = { [K in ApiChannel]: (input: ApiRequest<K>) => Promise<ApiOutput<K>> }
/** Every pushed event, by channel. */
export type ArgusEvents = { [K in EventChannel]: z.output<(typeof eventSchemas)[K]> }

export type Health = z.output<typeof healthSchema>
export type WorkspaceInfo = z.output<typeof workspaceInfoSchema>
export type ImportRecord = z.output<typeof importSchema>
export type EventRow = z.output<typeof eventRowSchema>
export type EventCursor = z.output<typeof eventCursorSchema>
export type DayCount = z.output<typeof dayCountSchema>
export type ImportRequest = z.output<typeof importRequestSchema>
export type ImportFileResult = z.output<typeof importFileResultSchema>
export type ImportSummary = z.output<typeof importSummarySchema>
export type IngestProgress = z.output<typeof ingestProgressSchema>
export type RejectRow = z.output<typeof rejectRowSchema>
export type SyslogStart = z.output<typeof syslogStartSchema>
export type SyslogStatus = z.output<typeof syslogStatusSchema>
