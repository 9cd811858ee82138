import { join } from 'node:path'
import type { CaseDetail, CaseEvidence, Note, Tag } from '../../shared/case-schemas'
import type { EventRow } from '../../shared/contract'
import type { Alert } from '../../shared/scoring-schemas'
import { openEngine, type Engine } from '../api/engine'
import { generateOrganisation } from '../generate/generate'
import { verifyAuditChain } from '../store/queries/audit'
import { listEvents } from '../store/queries/events'
import { listAlerts, listRiskyUsers, setVerdict, userDetail } from '../store/queries/scores'
import { listImports } from '../store/queries/sources'
import { readTimeZone } from '../store/queries/workspace'
import { temporaryFolder, type TemporaryFolder } from '../store/test-workspace'
import type { CaseReportInput } from './case-report'

// A case report's input built from real data: a generated organisation imported and scored by
// the real engine, its riskiest users, their alerts (two of them triaged) and events pinned
// from an alert's day. The case record itself is assembled here because the case store is not
// part of this module; its shape is the contract's CaseDetail.

/** A note an attacker could have planted through pasted evidence. */
export const hostileNote = [
  '# Findings <script>alert(1)</script>',
  'The user **copied** files _after hours_; see `cp -r /data <b>x</b>`.',
  '<script>document.title = "owned"</script>',
  '<img src=x onerror="alert(2)">',
  '[click me](javascript:alert(document.cookie)) and [the vendor](https://evil.example/track?id=1)',
  '![pixel](http://evil.example/pixel.gif)',
  '',
  '- first *point*',
  '- second point',
  '',
  '1. step one',
  '2. step two',
  '',
  '> quoted "text" & more',
  '',
  '```',
  '<script>fenced()</script>',
  '```',
].join('\n')

export const caseTitle = 'Exfiltration follow-up <i>Q1</i> & "friends"'
export const analyst = 'ana.lyst'

export interface ReportFixture {
  input: CaseReportInput
  engine: Engine
  folder: TemporaryFolder
  dispose(): Promise<void>
}

/** Generates, imports and scores a small organisation (21 days: enough for OCEAN), then builds a case over its top users. */
export async function buildReportFixture(users = 12, days = 21): Promise<ReportFixture> {
  const folder = temporaryFolder()
  generateOrganisation({ users, days, directory: folder.file('org'), seed: 5, start: Date.UTC(2024, 2, 4) })
  const engine = await openEngine({ workspacePath: folder.file('workspace.db'), door: 'cli', workerThreads: 1 })
  const dispose = async (): Promise<void> => {
    await engine.close()
    folder.remove()
  }
  try {
    await engine.imports.start({ paths: [join(folder.path, 'org', 'logs')] }).done
    await engine.scoring.run()
    return { input: await caseOverTopUsers(engine), engine, folder, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

async function caseOverTopUsers(engine: Engine): Promise<CaseReportInput> {
  const { sqlite, db } = engine.workspace
  const now = Date.UTC(2024, 2, 20, 9, 30)
  const top = listRiskyUsers(sqlite, { limit: 3 }).items
  const alerts: Alert[] = top.flatMap((user) => listAlerts(sqlite, { limit: 2, user: user.user }).items)
  if (alerts.length < 2) throw new Error('the generated organisation should raise at least two alerts for its top users')
  alerts[0] = setVerdict(sqlite, { id: alerts[0]!.id, verdict: 'true_positive' }, analyst, now)
  alerts[1] = setVerdict(sqlite, { id: alerts[1]!.id, verdict: 'false_positive' }, analyst, now)

  const pinned = alerts[0]!
  const dayStart = Date.parse(`${pinned.date}T00:00:00Z`)
  const events = (await listEvents(db, { limit: 5, user: pinned.user, from: dayStart, to: dayStart + 86_400_000 })).items.reverse()
  const sources = (await listImports(db, { limit: 1000 })).items.map(({ id, path, entry }) => ({ id, path, entry }))

  const evidence = (item: Partial<CaseEvidence>, index: number): CaseEvidence => ({
    id: index + 1, caseId: 7, kind: 'user', user: null, alertId: null, eventId: null, from: null, to: null, label: null, addedAt: now, author: analyst, ...item,
  })
  const items: Partial<CaseEvidence>[] = [
    ...top.map((user) => ({ kind: 'user' as const, user: user.user })),
    ...alerts.map((alert) => ({ kind: 'alert' as const, user: alert.user, alertId: alert.id, from: Date.parse(`${alert.date}T00:00:00Z`), to: Date.parse(`${alert.date}T23:59:59Z`) })),
    ...events.map((event: EventRow) => ({ kind: 'event' as const, user: event.user, eventId: event.id, from: event.ts, to: event.ts })),
    { kind: 'range', user: pinned.user, from: dayStart - 86_400_000, to: dayStart + 86_400_000, label: 'Around the first alert <u>' },
  ]
  const notes: Note[] = [
    { id: 1, caseId: 7, body: 'Opened after the **USB** alert. Owner: `secops`.', author: analyst, createdAt: now, updatedAt: now, revision: 1 },
    { id: 2, caseId: 7, body: hostileNote, author: 'mallory <b>', createdAt: now + 60_000, updatedAt: now + 120_000, revision: 2 },
  ]
  const tag = (target: Tag['target'], key: string, name: string): Tag => ({ target, key, tag: name, author: analyst, addedAt: now })
  const tags = [tag('user', pinned.user, 'insider'), tag('alert', String(pinned.id), 'confirmed'), ...(events[0] ? [tag('event', String(events[0].id), 'smoking-gun')] : [])]
  const detail: CaseDetail = {
    case: {
      id: 7, title: caseTitle, status: 'open', createdAt: now - 3_600_000, updatedAt: now, closedAt: null, author: analyst,
      counts: { users: top.length, alerts: alerts.length, events: events.length, ranges: 1, notes: notes.length },
    },
    evidence: items.map(evidence),
    notes,
    users: top,
    alerts,
    tags,
  }
  const audit = verifyAuditChain(sqlite)
  return {
    detail,
    users: top.map((user) => userDetail(sqlite, user.user)),
    pinnedEvents: events,
    audit: { headHash: audit.headHash, ok: audit.ok, entries: audit.entries },
    generatedAt: now + 180_000,
    timeZone: readTimeZone(sqlite),
    sources,
  }
}
