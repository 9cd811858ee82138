import { describe, expect, it } from 'vitest'
import { anomalyTypeLabels, defaultPlaybook, formatQuantity, playbookFor, summarizeDay, summarizeUser } from './explain'
import { anomalyTypes, type Fact, type ScoredDay } from './types'

const facts: Fact[] = [
  { detector: 'baseline', key: 'failed_logons', value: 14, baseline: 0, z: 7.1, weight: 0.6, text: '14 failed logons (usually 0)' },
  { detector: 'rules', key: 'brute-force-then-success', value: 14, baseline: null, z: null, weight: 0.9, text: '14 failed logons followed by a successful logon from 203.0.113.5 within 4 minutes (rule brute-force-then-success, T1110)' },
  { detector: 'rules', key: 'first-privilege-use', value: 'sudo', baseline: null, z: null, weight: 0.6, text: 'first use of sudo in 23 active days (rule first-privilege-use, T1078.003)' },
]

describe('formatQuantity', () => {
  it('writes counts, bytes, money, shares and hours as a person reads them', () => {
    expect(formatQuantity(1204, 'count')).toBe('1,204')
    expect(formatQuantity(2.5, 'count')).toBe('2.5')
    expect(formatQuantity(3_400_000, 'bytes')).toBe('3.4 MB')
    expect(formatQuantity(512, 'bytes')).toBe('512 B')
    expect(formatQuantity(9950, 'money')).toBe('9,950.00')
    expect(formatQuantity(0.624, 'share')).toBe('62 %')
    expect(formatQuantity(3.25, 'hour')).toBe('03:15')
  })
})

describe('summarizeDay', () => {
  it('is built only from the facts, the types and the risk', () => {
    const summary = summarizeDay({ user: 'alice', date: '2024-03-02', risk: 0.82, types: ['account_takeover', 'brute_force'], facts })
    expect(summary).toBe(
      'On 2024-03-02 alice stood out (risk 0.82, high): 14 failed logons (usually 0); ' +
        '14 failed logons followed by a successful logon from 203.0.113.5 within 4 minutes (rule brute-force-then-success, T1110); ' +
        'first use of sudo in 23 active days (rule first-privilege-use, T1078.003). Most likely: account takeover, brute force.',
    )
  })

  it('says nothing stood out when there are no facts, and repeats no clause', () => {
    expect(summarizeDay({ user: 'bob', date: '2024-03-02', risk: 0.04, types: [], facts: [] })).toBe("On 2024-03-02 nothing in bob's activity stood out (risk 0.04, low).")
    const twice = summarizeDay({ user: 'bob', date: '2024-03-02', risk: 0.3, types: [], facts: [facts[0]!, facts[0]!] })
    expect(twice.split('14 failed logons (usually 0)').length).toBe(2)
  })
})

describe('summarizeUser', () => {
  function scored(date: string, risk: number, detectors: Partial<ScoredDay['detectors']> = {}): ScoredDay {
    return {
      user: 'alice', date, peerGroup: 'finance', events: 10, risk, types: risk >= 0.5 ? ['exfiltration'] : [], facts: [], summary: '', features: {},
      detectors: { baseline: 0, markov: 0, iforest: 0, rules: 0, ocean: 0, ...detectors },
    }
  }

  it('says when the user stood out, the strongest day and how many detectors agreed', () => {
    const days = [scored('2024-03-01', 0.1), scored('2024-03-02', 0.6), scored('2024-03-03', 0.9, { baseline: 0.95, rules: 0.8 })]
    expect(summarizeUser('alice', days)).toBe(
      '2 of 3 days of alice reached Medium risk or above between 2024-03-02 and 2024-03-03; the strongest was 2024-03-03 at 0.90 (data exfiltration), where 2 of 5 detectors agreed (baseline, rules).',
    )
    expect(summarizeUser('alice', [scored('2024-03-01', 0.1)])).toBe("Over 1 scored days nothing in alice's activity reached Medium risk.")
  })
})

describe('playbook', () => {
  it('has an entry with every field for every anomaly type, and a label', () => {
    for (const type of anomalyTypes) {
      const entry = defaultPlaybook[type]
      expect(entry.risk && entry.impact && entry.action && entry.responseTime).toBeTruthy()
      expect(anomalyTypeLabels[type]).toBeTruthy()
    }
    expect(playbookFor(['brute_force', 'exfiltration']).map((item) => item.type)).toEqual(['brute_force', 'exfiltration'])
  })
})
