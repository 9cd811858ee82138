import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../scoring/rules-default'
import { temporaryFolder, type TemporaryFolder } from '../store/test-workspace'
import { dispatch } from './dispatch'
import { openEngine, type Engine } from './engine'

// The Settings screen's workspace calls through the real engine: validation at the door, the
// setting and its audit entry, the rescoring they ask for, and refusal on a read-only workspace.

let folder: TemporaryFolder
let engine: Engine
beforeEach(async () => {
  folder = temporaryFolder()
  engine = await openEngine({ workspacePath: folder.file('workspace.db'), door: 'cli', workerThreads: 1 })
})
afterEach(async () => {
  await engine.close()
  folder.remove()
})

/** The audit entries of one action, oldest first (a scoring run records its own). */
function audited(action: string): string[] {
  const rows = engine.workspace.sqlite.prepare('select details from audit_log where action = ? order by id').all(action) as { details: string }[]
  return rows.map((row) => row.details)
}

/** Resolves at the next scoring run's end: what a setting that changes the scores must cause. */
function nextScoringRun(): Promise<void> {
  return new Promise((resolve) => {
    const stop = engine.bus.on('scoring:finished', () => {
      stop()
      resolve()
    })
  })
}

describe('workspace settings', () => {
  it('sets the time zone in its IANA spelling, audits it and rescores', async () => {
    const { handlers } = engine
    expect((await handlers['workspace:info']({})).timeZone).toBe('UTC')
    const rescored = nextScoringRun()
    const info = await handlers['workspace:setTimeZone']({ timeZone: 'europe/berlin' })
    expect(info.timeZone).toBe('Europe/Berlin')
    await rescored
    expect(audited('settings.timeZone')).toEqual([JSON.stringify({ from: 'UTC', to: 'Europe/Berlin' })])
    // The same zone again changes nothing and records nothing.
    await handlers['workspace:setTimeZone']({ timeZone: 'Europe/Berlin' })
    expect(audited('settings.timeZone')).toHaveLength(1)
    expect((await handlers['stats:eventsPerDay']({})).timeZone).toBe('Europe/Berlin')
  })

  it('refuses a zone that is not one', async () => {
    const result = await dispatch(engine.handlers, 'workspace:setTimeZone', { timeZone: 'Mars/Olympus_Mons' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/not an IANA time zone/) } })
  })

  it('gives year-less syslog lines the default year unless the import names one', async () => {
    const log = folder.file('auth.log')
    writeFileSync(log, 'Mar  3 10:00:00 bastion sshd[1]: Accepted password for alice from 10.0.0.1 port 22 ssh2\n')
    const info = await engine.handlers['workspace:setDefaultYear']({ year: 2019 })
    expect(info.defaultYear).toBe(2019)
    expect(audited('settings.defaultYear')).toEqual([JSON.stringify({ year: 2019 })])
    expect((await engine.imports.start({ paths: [log] }).done).events).toBe(1)
    const [event] = (await engine.handlers['events:list']({ limit: 10 })).items
    expect(new Date(event!.ts).toISOString()).toBe('2019-03-03T10:00:00.000Z')

    const named = folder.file('named.log')
    writeFileSync(named, 'Mar  4 10:00:00 bastion sshd[1]: Accepted password for bob from 10.0.0.1 port 22 ssh2\n')
    await engine.imports.start({ paths: [named], year: 2021 }).done
    const [latest] = (await engine.handlers['events:list']({ limit: 1 })).items
    expect(new Date(latest!.ts).toISOString()).toBe('2021-03-04T10:00:00.000Z')

    expect((await engine.handlers['workspace:setDefaultYear']({ year: null })).defaultYear).toBeNull()
  })

  it('reads a first import in the zone its timestamps carry, and keeps a zone once chosen', async () => {
    // An rsyslog host writing ISO stamps at UTC−5 beside a workstation's RFC 3164 lines in the same clock.
    const iso = folder.file('server.log')
    writeFileSync(iso, Array.from({ length: 25 }, (_, minute) => `2024-03-04T09:${String(minute).padStart(2, '0')}:00.000000-05:00 db01 sshd[7]: Accepted password for carol from 10.0.0.9 port 22 ssh2\n`).join(''))
    const plain = folder.file('workstation.log')
    writeFileSync(plain, 'Mar  4 23:30:00 ws7 sshd[1]: Accepted password for dave from 10.0.0.2 port 22 ssh2\n')
    const summary = await engine.imports.start({ paths: [iso, plain] }).done
    expect(summary.inferredTimeZone).toEqual({ timeZone: 'Etc/GMT+5', minutesEast: -300, stamps: 25, basis: 'offsets' })
    expect((await engine.handlers['workspace:info']({})).timeZone).toBe('Etc/GMT+5')
    expect(audited('settings.timeZone')).toEqual([JSON.stringify({ from: 'UTC', to: 'Etc/GMT+5' })])
    const [dave] = (await engine.handlers['events:list']({ limit: 1, user: 'dave' })).items
    // 23:30 at UTC−5 is 04:30 UTC the next day, the year from the dated lines beside it.
    expect(new Date(dave!.ts).toISOString()).toBe('2024-03-05T04:30:00.000Z')

    // A workspace with events, or a zone the analyst set (even UTC), is never re-zoned by an import.
    const second = await openEngine({ workspacePath: folder.file('chosen.db'), door: 'cli', workerThreads: 1 })
    try {
      await second.handlers['workspace:setTimeZone']({ timeZone: 'UTC' })
      expect((await second.imports.start({ paths: [iso, plain] }).done).inferredTimeZone).toBeNull()
      expect((await second.handlers['workspace:info']({})).timeZone).toBe('UTC')
    } finally {
      await second.close()
    }
  })

  /**
   * Twelve clerks' web requests every 15 minutes for three days from 06:10 UTC, stamped at
   * `ecsMinutes` east (0: `Z`), and an ssh logon five minutes after each, in RFC 3164 at `authMinutes` east.
   */
  function bank(name: string, ecsMinutes: number, authMinutes: number): { paths: string[]; logons: number } {
    const ecs: string[] = []
    const auth: string[] = []
    const wallClock = (at: number, minutes: number): Date => new Date(at + minutes * 60_000)
    for (let index = 0; index < 12; index++) {
      for (let day = 4; day <= 6; day++) {
        for (let minute = 0; minute < 8 * 60; minute += 15) {
          const at = Date.UTC(2024, 2, day, 6, 10 + index + minute)
          const stamp = ecsMinutes === 0 ? new Date(at).toISOString() : `${wallClock(at, ecsMinutes).toISOString().slice(0, 23)}-0${-ecsMinutes / 60}:00`
          ecs.push(JSON.stringify({ '@timestamp': stamp, event: { category: ['web'], action: 'http_request' }, user: { name: `clerk${index}` }, url: { domain: 'intranet.example' } }))
          const local = wallClock(at, authMinutes + 5)
          auth.push(`Mar  ${day} ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}:00 app01 sshd[${minute}]: Accepted password for clerk${index} from 10.0.0.${index + 1} port 22 ssh2`)
        }
      }
    }
    const ecsFile = folder.file(`${name}.ndjson`)
    writeFileSync(ecsFile, `${ecs.join('\n')}\n`)
    const authFile = folder.file(`${name}-auth.log`)
    writeFileSync(authFile, `${auth.join('\n')}\n`)
    return { paths: [ecsFile, authFile], logons: auth.length }
  }

  /** clerk0's ssh logons between 06:00 and 07:00 UTC on 4 March. */
  async function firstLogons(): Promise<string[]> {
    const firstHour = await engine.handlers['events:list']({ limit: 100, user: 'clerk0', from: Date.UTC(2024, 2, 4, 6), to: Date.UTC(2024, 2, 4, 7) })
    return firstHour.items.filter((event) => event.action === 'ssh_accept').map((event) => new Date(event.ts).toISOString()).sort()
  }

  it('reads year-less syslog at the clock that aligns it with the same people in UTC-stamped ECS', async () => {
    // A bank at UTC+2: Elastic writes UTC (`Z`, no evidence), the servers' auth.log their wall clock.
    const { paths, logons } = bank('bank', 0, 120)
    const summary = await engine.imports.start({ paths }).done
    expect(summary.inferredTimeZone).toEqual({ timeZone: 'Etc/GMT-2', minutesEast: 120, stamps: logons, basis: 'alignment' })
    expect(summary.syslogClock).toBeNull()
    expect((await engine.handlers['workspace:info']({})).timeZone).toBe('Etc/GMT-2')
    // Written 08:15 at UTC+2: 06:15 UTC, five minutes after the day's first web request.
    expect(await firstLogons()).toEqual(['2024-03-04T06:15:00.000Z', '2024-03-04T06:30:00.000Z', '2024-03-04T06:45:00.000Z'])
  })

  it('counts days in the zone the offsets name, but reads an auth.log kept in UTC at UTC', async () => {
    // An office whose exporter writes −05:00 beside servers whose auth.log keeps UTC.
    const { paths, logons } = bank('office', -300, 0)
    const summary = await engine.imports.start({ paths }).done
    expect(summary.inferredTimeZone).toMatchObject({ timeZone: 'Etc/GMT+5', minutesEast: -300, basis: 'offsets' })
    expect(summary.syslogClock).toEqual({ timeZone: 'UTC', minutesEast: 0, stamps: logons, basis: 'alignment' })
    expect((await engine.handlers['workspace:info']({})).timeZone).toBe('Etc/GMT+5')
    expect(await firstLogons()).toEqual(['2024-03-04T06:15:00.000Z', '2024-03-04T06:30:00.000Z', '2024-03-04T06:45:00.000Z'])
  })

  it('restores the default rules after an edit, with an audit entry and a rescoring', async () => {
    const { handlers } = engine
    await handlers['scoring:setRules']({ rules: [{ ...defaultRules[0]!, severity: 0.2 }] })
    expect((await handlers['scoring:rules']({})).rules).toHaveLength(1)
    const rescored = nextScoringRun()
    const { rules } = await handlers['scoring:resetRules']({})
    expect(rules.map((rule) => rule.id)).toEqual(defaultRules.map((rule) => rule.id))
    expect((await handlers['scoring:rules']({})).rules).toEqual(rules)
    expect(audited('settings.rules.reset')).toHaveLength(1)
    await rescored
  })

  it('gives an edited rule set the built-in rules added after it was saved, never the ones the analyst deleted', async () => {
    const { handlers } = engine
    const kept = defaultRules.filter((rule) => rule.id !== 'password-spray')
    await handlers['scoring:setRules']({ rules: kept })
    expect((await handlers['scoring:rules']({})).rules.map((rule) => rule.id)).toEqual(kept.map((rule) => rule.id))
    // As if saved by a release before job-search and sustained-job-search: they arrive, password-spray stays deleted.
    const before = kept.filter((rule) => rule.id !== 'job-search' && rule.id !== 'sustained-job-search')
    const { sqlite } = engine.workspace
    sqlite.prepare("update settings set value = ? where key = 'scoring.rules'").run(JSON.stringify(before))
    const knownThen = defaultRules.map((rule) => rule.id).filter((id) => id !== 'job-search' && id !== 'sustained-job-search')
    sqlite.prepare("update settings set value = ? where key = 'scoring.rules.knownDefaults'").run(JSON.stringify(knownThen))
    const ids = (await handlers['scoring:rules']({})).rules.map((rule) => rule.id)
    expect(ids.slice(-2)).toEqual(['job-search', 'sustained-job-search'])
    expect(ids).not.toContain('password-spray')
    expect(ids).toHaveLength(defaultRules.length - 1)
  })

  it('refuses every change on a read-only workspace', async () => {
    await engine.close()
    engine = await openEngine({ workspacePath: folder.file('workspace.db'), door: 'cli', workerThreads: 1, readOnly: true })
    for (const [channel, input] of [
      ['workspace:setTimeZone', { timeZone: 'Europe/Berlin' }],
      ['workspace:setDefaultYear', { year: 2020 }],
      ['scoring:resetRules', {}],
    ] as const) {
      expect(await dispatch(engine.handlers, channel, input)).toMatchObject({ ok: false, error: { code: 'read_only' } })
    }
    expect((await engine.handlers['workspace:info']({})).timeZone).toBe('UTC')
  })
})
