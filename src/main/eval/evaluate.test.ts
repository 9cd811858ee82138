import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate'
import { LabelsError, readLabels } from './labels'
import { formatReport, reportDocument } from './report'
import { ScoredDocumentError, scoredSourceFromAnalysis } from './scored-source'

const labels = readLabels({
  seed: 7,
  users: ['Alice', 'bob', 'carol', 'dave'],
  attacks: [
    { user: 'alice', scenario: 'cloud_upload', days: ['2024-03-06'] },
    { user: 'bob', scenario: 'brute_force_takeover', days: ['2024-03-07', '2024-03-06'] },
  ],
})

// Alice ranks first; bob third behind an unlabelled principal (`admin`, a scanner's guess).
const source = scoredSourceFromAnalysis({
  users: [
    { user: 'alice', risk: 0.9, days: [{ date: '2024-03-05', score: 0.1, severity: 'low' }, { date: '2024-03-06', score: 0.8, severity: 'high' }] },
    { user: 'admin', risk: 0.7, days: [{ date: '2024-03-06', score: 0.6, severity: 'medium' }] },
    { user: 'BOB', risk: 0.6, days: [{ date: '2024-03-06', score: 0.55, severity: 'medium' }] },
    { user: 'carol', risk: 0.2, days: [{ date: '2024-03-06', score: 0.2, severity: 'low' }] },
    { user: 'dave', risk: 0.1, days: [{ date: '2024-03-06', score: 0.3, severity: 'low' }] },
  ],
})

const emptySource = scoredSourceFromAnalysis({ users: [] })

describe('evaluate', () => {
  it('scores the ranking, the days and each scenario', () => {
    const report = evaluate(labels, source)
    expect(report.k).toBe(2)
    expect(report.users).toBe(5)
    expect(report.recallAtK).toBe(0.5)
    // Ranked +, −, + → (1 + 2/3) / 2.
    expect(report.averagePrecision).toBeCloseTo(5 / 6, 12)
    // Bob's 03-07 was never scored: a positive below every negative. Positives 0.8, 0.55, −∞ against
    // negatives 0.1, 0.6, 0.2, 0.3: wins 4 + 3 + 0 of 12.
    expect(report.days.attackedUnscored).toBe(1)
    expect(report.dayAuc).toBeCloseTo(7 / 12, 12)
    expect(report.days).toMatchObject({ scored: 6, attacked: 3, flagged: 3, flaggedAttacked: 2 })
    expect(report.scenarios).toEqual([
      { scenario: 'brute_force_takeover', days: 2, flaggedDays: 1, recall: 0.5, users: 1, detectedUsers: 1 },
      { scenario: 'cloud_upload', days: 1, flaggedDays: 1, recall: 1, users: 1, detectedUsers: 1 },
    ])
    expect(report.attacked.map((entry) => [entry.user, entry.rank])).toEqual([['alice', 1], ['bob', 3]])
    expect(report.unlabelled).toEqual({ count: 1, inTopK: 1, top: [{ user: 'admin', rank: 2, risk: 0.7 }] })
  })

  it('ranks only labelled users when asked, and honours --k', () => {
    const report = evaluate(labels, source, { labelledOnly: true, k: 1 })
    expect(report.users).toBe(4)
    expect(report.recallAtK).toBe(0.5)
    expect(report.averagePrecision).toBe(1)
    expect(report.unlabelled.count).toBe(0)
  })

  it('puts attacked users that were never scored at the bottom', () => {
    const report = evaluate(readLabels({ seed: 1, users: ['zed'], attacks: [{ user: 'zed', scenario: 'x', days: ['2024-03-06'] }] }), source)
    expect(report.recallAtK).toBe(0)
    expect(report.attacked).toEqual([{ user: 'zed', scenarios: ['x'], rank: null, risk: null }])
    expect(report.dayAuc).toBe(0)
    // A workspace that scored nobody found nobody: not 100 % of a ranking of the unscored alone.
    const nobody = evaluate(readLabels({ seed: 1, users: ['zed', 'yan'], attacks: [{ user: 'zed', scenario: 'x', days: ['2024-03-06'] }, { user: 'yan', scenario: 'x', days: ['2024-03-06'] }] }), emptySource)
    expect(nobody.users).toBe(0)
    expect(nobody.recallAtK).toBe(0)
    expect(nobody.averagePrecision).toBe(0)
  })

  it('prints a table and a JSON document with null for undefined metrics', () => {
    const empty = evaluate(readLabels({ seed: 1, users: [], attacks: [] }), source)
    expect(reportDocument(empty)).toMatchObject({ recallAtK: null, averagePrecision: null, dayAuc: null })
    const text = formatReport(evaluate(labels, source))
    expect(text).toContain('recall@2')
    expect(text).toContain('50.0%')
    expect(text).toMatch(/bob\s+#3 \(outside top K\)/)
  })
})

describe('readLabels', () => {
  it('lower-cases users and sorts days', () => {
    expect(labels.users).toEqual(['alice', 'bob', 'carol', 'dave'])
    expect(labels.attacks[1]?.days).toEqual(['2024-03-06', '2024-03-07'])
  })

  it('refuses documents of another shape', () => {
    expect(() => readLabels([])).toThrow(LabelsError)
    expect(() => readLabels({ users: ['a'], attacks: [{ user: 'a', scenario: 's', days: ['6 March'] }] })).toThrow(/YYYY-MM-DD/)
  })
})

describe('scoredSourceFromAnalysis', () => {
  it('refuses a document without users or with a bad severity', () => {
    expect(() => scoredSourceFromAnalysis({ events: 3 })).toThrow(ScoredDocumentError)
    expect(() => scoredSourceFromAnalysis({ users: [{ user: 'a', risk: 1, days: [{ date: '2024-03-01', score: 1, severity: 'urgent' }] }] })).toThrow(/severity/)
  })
})
