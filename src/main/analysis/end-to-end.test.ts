import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestEngine } from '../api/test-engine'
import { evaluate } from '../eval/evaluate'
import { readLabels } from '../eval/labels'
import { scoredSourceFromAnalysis } from '../eval/scored-source'
import { generateOrganisation } from '../generate/generate'
import { analyzedUsers } from '../store/queries/scores'
import { folderPerTest } from '../store/test-workspace'

// generate → import → score → evaluate, through the real engine (SQLite file, worker threads).
// The floors are below what the detectors reach on this organisation, so a regression that
// breaks detection fails here; the README quotes the measured figures.

const folder = folderPerTest()

describe('generate, analyze and evaluate a small organisation', () => {
  it('ranks attacked users high and scores attacked days above normal ones', async () => {
    generateOrganisation({ users: 40, days: 21, directory: folder.path, seed: 11, start: Date.UTC(2024, 2, 4) })
    const { engine, dispose } = await openTestEngine('cli')
    try {
      const { done } = engine.imports.start({ paths: [join(folder.path, 'logs')] })
      const imported = await done
      expect(imported.state).toBe('done')
      expect(imported.rejects).toBe(0)
      const summary = await engine.scoring.run()
      expect(summary.userDays).toBeGreaterThan(40 * 10)

      const labels = readLabels(JSON.parse(readFileSync(join(folder.path, 'labels.json'), 'utf8')))
      const report = evaluate(labels, scoredSourceFromAnalysis({ users: analyzedUsers(engine.workspace.sqlite) }))
      expect(report.attackedUsers).toBeGreaterThanOrEqual(8)
      expect(report.recallAtK).toBeGreaterThanOrEqual(0.5)
      expect(report.dayAuc).toBeGreaterThanOrEqual(0.85)

      // Re-scoring the same data gives the same numbers.
      const before = analyzedUsers(engine.workspace.sqlite)
      expect(summary.incremental).toBe(false)
      // Nothing new: the worker kept the last run's state and re-scores only the newest date.
      expect((await engine.scoring.run()).incremental).toBe(true)
      expect(analyzedUsers(engine.workspace.sqlite)).toEqual(before)

      // The ranking pages through every user once, riskiest first, through the contract.
      const { handlers } = engine
      const seen: string[] = []
      let cursor = null
      do {
        const page = await handlers['users:listRisky']({ limit: 7, cursor })
        seen.push(...page.items.map((item) => item.user))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(before.map((user) => user.user))
      const top = await handlers['users:detail']({ user: seen[0]! })
      expect(top.days.length).toBe(before[0]!.days.length)
      expect(top.days.some((day) => day.facts.length > 0 && day.summary.length > 0)).toBe(true)
      // 21 days of history: enough for an OCEAN radar (baseline period vs the last 7 days).
      expect(top.ocean).not.toBeNull()
      for (const vector of [top.ocean!.baseline, top.ocean!.recent]) {
        expect(Object.keys(vector)).toEqual(['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'])
        expect(Object.values(vector).every((value) => value >= 0 && value <= 1)).toBe(true)
      }
      expect(top.profile.psychometric).toMatchObject({ O: expect.any(Number) })

      // A percentile threshold keeps only the riskiest days' alerts (on a fresh workspace it would
      // decide creation; here it must at least not add any).
      expect(await handlers['scoring:setAlertPercentile']({ percentile: 0.999 })).toMatchObject({ alertPercentile: 0.999 })
      expect((await handlers['scoring:settings']({})).weights).toMatchObject({ rules: expect.any(Number) })

      // Triage through the contract: a verdict closes the alert and is kept across re-scoring.
      const alerts = await handlers['alerts:list']({ limit: 1000 })
      expect(alerts.items.length).toBeGreaterThan(0)
      const target = alerts.items[0]!
      const detail = await handlers['alerts:detail']({ id: target.id })
      expect(detail.day).toMatchObject({ date: target.date, risk: target.risk })
      expect(detail.playbook.map((entry) => entry.type)).toEqual(target.types)
      expect(detail.playbook.every((entry) => entry.entry.action.length > 0 && entry.entry.responseTime.length > 0)).toBe(true)
      expect(await handlers['alerts:verdict']({ id: target.id, verdict: 'true_positive' })).toMatchObject({ verdict: 'true_positive', status: 'closed' })
      await engine.scoring.run()
      const kept = await handlers['alerts:list']({ limit: 1000, user: target.user })
      expect(kept.items.find((alert) => alert.id === target.id)).toMatchObject({ verdict: 'true_positive', status: 'closed', date: target.date })
    } finally {
      await dispose()
    }
  }, 120_000)
})
