import { z } from 'zod'
import { alertSchema, userRiskSchema } from './scoring-schemas'

// The investigation part of the contract: cases with their evidence and notes, tags, the audit
// trail, exports, reports and workspace backups.

const pageLimit = z.number().int().min(1).max(1000).default(100)
const epochMs = z.number().int().nonnegative()
const userName = z.string().min(1).max(256)
const tagName = z.string().trim().min(1).max(64)

export const caseStatuses = ['open', 'closed'] as const

export const caseSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(caseStatuses),
  createdAt: epochMs,
  updatedAt: epochMs,
  closedAt: epochMs.nullable(),
  /** Who opened it (the workspace's analyst name). */
  author: z.string(),
  counts: z.object({ users: z.number().int(), alerts: z.number().int(), events: z.number().int(), ranges: z.number().int(), notes: z.number().int() }),
})

/** What can be attached to a case as evidence. */
export const caseEvidenceInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: userName }).strict(),
  z.object({ kind: z.literal('alert'), alertId: z.number().int() }).strict(),
  z.object({ kind: z.literal('event'), eventId: z.number().int() }).strict(),
  z.object({ kind: z.literal('range'), user: userName.nullable(), from: epochMs, to: epochMs, label: z.string().max(256).optional() }).strict(),
])

export const caseEvidenceSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  kind: z.enum(['user', 'alert', 'event', 'range']),
  /** The user the evidence is about (for an alert or event: its user; null for an event without one). */
  user: z.string().nullable(),
  alertId: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
  /** Range bounds; for an event, its timestamp in both; for an alert, its day. */
  from: epochMs.nullable(),
  to: epochMs.nullable(),
  label: z.string().nullable(),
  addedAt: epochMs,
  author: z.string(),
})

export const noteSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  /** Markdown, rendered as text-only Markdown (no raw HTML) in the UI and in reports. */
  body: z.string(),
  author: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Earlier versions kept; 1 for a note never edited. */
  revision: z.number().int(),
})

export const noteRevisionSchema = z.object({ revision: z.number().int(), body: z.string(), author: z.string(), editedAt: epochMs })

export const tagTargets = ['event', 'alert', 'user'] as const
export const tagSchema = z.object({ target: z.enum(tagTargets), key: z.string(), tag: z.string(), author: z.string(), addedAt: epochMs })
/** A tag target's key: an event or alert id as a decimal string, or a user name. */
const tagKey = z.string().min(1).max(256)

export const caseDetailSchema = z.object({
  case: caseSchema,
  evidence: z.array(caseEvidenceSchema),
  notes: z.array(noteSchema),
  /** The users the case names (directly or through its alerts, events and ranges), with their current risk. */
  users: z.array(userRiskSchema),
  alerts: z.array(alertSchema),
  tags: z.array(tagSchema),
})

export const auditEntrySchema = z.object({
  id: z.number().int(),
  ts: epochMs,
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
})

export const auditCheckSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The last good entry's hash: shown in the UI and printed in every report. */
  headHash: z.string(),
  /** The first entry whose content or link does not match; null when the chain is whole. */
  brokenAt: z.number().int().nullable(),
})

export const exportFormats = ['csv', 'json'] as const

/** A file produced for the analyst to save; text for CSV/JSON/HTML, base64 for PDF. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  rows: z.number().int().nullable(),
  /** True when a row cap cut the export short (the CLI streams without one). */
  truncated: z.boolean(),
})

export const caseContract = {
  'cases:list': {
    input: z.object({ limit: pageLimit, cursor: z.number().int().nullish(), status: z.enum(caseStatuses).optional() }).strict(),
    output: z.object({ items: z.array(caseSchema), nextCursor: z.number().int().nullable() }),
  },
  'cases:create': { input: z.object({ title: z.string().trim().min(1).max(200) }).strict(), output: caseSchema },
  'cases:rename': { input: z.object({ id: z.number().int(), title: z.string().trim().min(1).max(200) }).strict(), output: caseSchema },
  'cases:setStatus': { input: z.object({ id: z.number().int(), status: z.enum(caseStatuses) }).strict(), output: caseSchema },
  'cases:detail': { input: z.object({ id: z.number().int() }).strict(), output: caseDetailSchema },
  'cases:attach': { input: z.object({ caseId: z.number().int(), evidence: caseEvidenceInputSchema }).strict(), output: caseEvidenceSchema },
  'cases:detach': { input: z.object({ caseId: z.number().int(), evidenceId: z.number().int() }).strict(), output: z.object({ removed: z.boolean() }) },
  'cases:addNote': { input: z.object({ caseId: z.number().int(), body: z.string().trim().min(1).max(100_000) }).strict(), output: noteSchema },
  'cases:editNote': { input: z.object({ noteId: z.number().int(), body: z.string().trim().min(1).max(100_000) }).strict(), output: noteSchema },
  'cases:noteHistory': { input: z.object({ noteId: z.number().int() }).strict(), output: z.object({ items: z.array(noteRevisionSchema) }) },
  /** Events of a user pinned to any case, for highlighting on the user's timeline. */
  'cases:pinnedEvents': {
    input: z.object({ user: userName }).strict(),
    output: z.object({ items: z.array(z.object({ eventId: z.number().int(), ts: epochMs, caseId: z.number().int(), caseTitle: z.string() })) }),
  },
  'tags:list': { input: z.object({ target: z.enum(tagTargets), key: tagKey.optional() }).strict(), output: z.object({ items: z.array(tagSchema) }) },
  'tags:add': { input: z.object({ target: z.enum(tagTargets), key: tagKey, tag: tagName }).strict(), output: tagSchema },
  'tags:remove': { input: z.object({ target: z.enum(tagTargets), key: tagKey, tag: tagName }).strict(), output: z.object({ removed: z.boolean() }) },
  'audit:list': {
    input: z.object({ limit: pageLimit, cursor: z.number().int().nullish() }).strict(),
    output: z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() }),
  },
  'audit:verify': { input: z.object({}).strict(), output: auditCheckSchema },
  'exports:alerts': {
    input: z.object({ format: z.enum(exportFormats), caseId: z.number().int().optional(), user: userName.optional() }).strict(),
    output: exportFileSchema,
  },
  'exports:events': {
    input: z.object({ format: z.enum(exportFormats), user: userName.optional(), from: epochMs.optional(), to: epochMs.optional(), caseId: z.number().int().optional() }).strict(),
    output: exportFileSchema,
  },
  'reports:case': { input: z.object({ caseId: z.number().int(), format: z.enum(['html', 'pdf']) }).strict(), output: exportFileSchema },
  'workspace:backup': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ path: z.string(), sizeBytes: z.number().int(), auditHead: z.string() }),
  },
} as const

export type Case = z.output<typeof caseSchema>
export type CaseEvidence = z.output<typeof caseEvidenceSchema>
export type CaseEvidenceInput = z.output<typeof caseEvidenceInputSchema>
export type CaseDetail = z.output<typeof caseDetailSchema>
export type Note = z.output<typeof noteSchema>
export type NoteRevision = z.output<typeof noteRevisionSchema>
export type Tag = z.output<typeof tagSchema>
export type AuditEntryRow = z.output<typeof auditEntrySchema>
export type AuditCheck = z.output<typeof auditCheckSchema>
export type ExportFile = z.output<typeof exportFileSchema>
