import { describe, expect, it } from 'vitest'
import { SortedValues } from './history'
import { addSequence, createTransitionCounts, scoreMarkov, sequenceStatistic, symbolCount, symbols, transitionProbability, type TransitionModel } from './markov'

const routine = new Uint8Array([symbols.start, symbols.logon, symbols.web, symbols.emailSend, symbols.web, symbols.logoff])
const exfiltration = new Uint8Array([symbols.start, symbols.logon, symbols.device, symbols.removable, symbols.logoff])

function modelAfter(days: number, sequence = routine): TransitionModel {
  const user = createTransitionCounts()
  const global = createTransitionCounts()
  for (let day = 0; day < days; day++) {
    addSequence(user, sequence)
    addSequence(global, sequence)
  }
  return { user, peer: null, global }
}

describe('transitionProbability', () => {
  it('is a proper distribution over next symbols with or without counts', () => {
    for (const model of [modelAfter(0), modelAfter(30)]) {
      let total = 0
      for (let to = 0; to < symbolCount; to++) total += transitionProbability(model, symbols.logon, to)
      expect(total).toBeCloseTo(1, 12)
      expect(transitionProbability(model, symbols.logon, symbols.start)).toBe(0)
    }
  })

  it('learns the user’s habits and backs off to the peer group for a thin row', () => {
    const model = modelAfter(30)
    expect(transitionProbability(model, symbols.logon, symbols.web)).toBeGreaterThan(0.8)
    expect(transitionProbability(model, symbols.logon, symbols.device)).toBeLessThan(0.01)
    const peer = createTransitionCounts()
    for (let day = 0; day < 50; day++) addSequence(peer, exfiltration)
    const withPeers = { ...modelAfter(0), peer }
    expect(transitionProbability(withPeers, symbols.device, symbols.removable)).toBeGreaterThan(0.8)
  })
})

describe('sequenceStatistic', () => {
  it('is higher for a never-seen order of actions and names its rarest steps', () => {
    const model = modelAfter(30)
    const usual = sequenceStatistic(model, routine)
    const unusual = sequenceStatistic(model, exfiltration)
    expect(unusual.statistic).toBeGreaterThan(usual.statistic + 3)
    expect(unusual.rare[0]!.userCount).toBe(0)
    expect([unusual.rare[0]!.from, unusual.rare[0]!.to]).not.toEqual([symbols.start, symbols.logon])
  })
})

describe('scoreMarkov', () => {
  function calibration(model: TransitionModel, days: number) {
    const own = new SortedValues(60)
    for (let day = 0; day < days; day++) own.push(sequenceStatistic(model, routine).statistic + (day % 3) * 0.1)
    return { own, population: own, userDays: days, minHistory: 5 }
  }

  it('scores a routine day 0 and a never-seen sequence high, with rare_sequence facts', () => {
    const model = modelAfter(30)
    expect(scoreMarkov(routine, model, calibration(model, 30)).score).toBe(0)
    const result = scoreMarkov(exfiltration, model, calibration(model, 30))
    expect(result.score).toBeGreaterThan(0.5)
    expect(result.types).toEqual(['rare_sequence'])
    expect(result.facts.some((fact) => fact.text.startsWith('device followed by removable media write'))).toBe(true)
  })

  it('damps the evidence while the user is new and measured against everyone', () => {
    const model = modelAfter(30)
    const established = scoreMarkov(exfiltration, model, calibration(model, 30))
    const newcomer = scoreMarkov(exfiltration, model, { ...calibration(model, 30), userDays: 1 })
    expect(newcomer.score).toBeLessThan(established.score)
  })

  it('stays silent without a reference to calibrate against', () => {
    const model = modelAfter(0)
    expect(scoreMarkov(exfiltration, model, { own: new SortedValues(5), population: new SortedValues(5), userDays: 0, minHistory: 5 }).score).toBe(0)
  })
})
