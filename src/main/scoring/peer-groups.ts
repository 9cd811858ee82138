import { comparedValues } from './baseline'
import { computeDayFeatures, createSeenEntities, featureCount, rememberEntities, type WorkingTime } from './features'
import { createRandom } from './random'
import type { UserDay } from './types'

// Peer groups: who a user is compared with when their own history is short, and who tempers
// their own evidence. The directory (LDAP department or role) is the truth where it exists;
// everyone else is clustered by behaviour: k-means (k ≈ √(users / 2), k-means++ seeding from a
// fixed seed) on each user's mean feature vector over their first days. Only the first days
// count so that later activity, an attack included, never moves a user into another group and
// thereby changes the scores of their earlier days.

export interface PeerGroupOptions {
  /** user → department or role, from imported LDAP/HR data. */
  directory?: ReadonlyMap<string, string>
  /** Days per user the clustering looks at (their first ones). Default 14. */
  days?: number
  /** Number of clusters; default round(√(users / 2)). */
  clusters?: number
  seed?: number
  working?: WorkingTime
}

/** user → peer group: the directory's group, else `cluster-N` from behaviour. */
export function assignPeerGroups(users: readonly { user: string; days: readonly UserDay[] }[], options: PeerGroupOptions = {}): Map<string, string> {
  const profiles = createProfileCollector(options.days, options.working)
  for (const entry of users) for (const day of entry.days) profiles.add(day)
  return groupProfiles(profiles, options)
}

/**
 * Each user's behaviour over their first days, fed one day at a time (oldest first), so a
 * workspace can be clustered while it is streamed a date at a time.
 */
export interface ProfileCollector {
  add(day: UserDay): void
  /** True while the user has fewer than the days wanted (also for a user not seen yet). */
  wants(user: string): boolean
  /** user → mean compared feature vector of their first days. */
  profiles(): Map<string, Float64Array>
}

export function createProfileCollector(days = 14, working?: WorkingTime): ProfileCollector {
  const users = new Map<string, { seen: ReturnType<typeof createSeenEntities>; sum: Float64Array; days: number }>()
  return {
    add(day) {
      let entry = users.get(day.user)
      if (entry === undefined) users.set(day.user, (entry = { seen: createSeenEntities(), sum: new Float64Array(featureCount), days: 0 }))
      if (entry.days >= days) return
      const features = computeDayFeatures(day, entry.seen, working)
      rememberEntities(entry.seen, features.entities)
      const compared = comparedValues(features.vector)
      for (let index = 0; index < featureCount; index++) entry.sum[index]! += compared[index]!
      entry.days++
    },
    wants: (user) => (users.get(user)?.days ?? 0) < days,
    profiles: () => new Map([...users].map(([user, entry]) => [user, entry.sum.map((value) => (entry.days > 0 ? value / entry.days : 0))])),
  }
}

/** The directory's group for users it names; k-means clusters of the collected profiles for the rest. */
export function groupProfiles(collector: ProfileCollector, options: PeerGroupOptions = {}): Map<string, string> {
  const groups = new Map<string, string>()
  const unassigned: { user: string; profile: Float64Array }[] = []
  const profiles = collector.profiles()
  for (const user of [...profiles.keys()].sort()) {
    const group = options.directory?.get(user)
    if (group !== undefined && group.trim() !== '') groups.set(user, group.trim())
    else unassigned.push({ user, profile: profiles.get(user)! })
  }
  if (unassigned.length === 0) return groups
  const points = unassigned.map((entry) => entry.profile)
  standardizeColumns(points)
  const k = Math.max(1, Math.min(unassigned.length, options.clusters ?? Math.round(Math.sqrt(unassigned.length / 2))))
  const labels = kMeans(points, k, options.seed ?? 1)
  // Name clusters by their first member in name order, so names do not depend on the seed's numbering.
  const names = new Map<number, string>()
  labels.forEach((label, index) => {
    if (!names.has(label)) names.set(label, `cluster-${names.size + 1}`)
    groups.set(unassigned[index]!.user, names.get(label)!)
  })
  return groups
}

/** Scales each column to mean 0, standard deviation 1 (constant columns to 0). */
function standardizeColumns(points: Float64Array[]): void {
  for (let column = 0; column < featureCount; column++) {
    let mean = 0
    for (const point of points) mean += point[column]!
    mean /= points.length
    let variance = 0
    for (const point of points) variance += (point[column]! - mean) ** 2
    const deviation = Math.sqrt(variance / points.length)
    for (const point of points) point[column] = deviation > 1e-12 ? (point[column]! - mean) / deviation : 0
  }
}

function distance(first: Float64Array, second: Float64Array): number {
  let total = 0
  for (let index = 0; index < first.length; index++) total += (first[index]! - second[index]!) ** 2
  return total
}

/** Lloyd's k-means with k-means++ seeding; returns each point's cluster. */
export function kMeans(points: readonly Float64Array[], k: number, seed: number, maxIterations = 50): Int32Array {
  const random = createRandom(seed)
  const centers: Float64Array[] = [Float64Array.from(points[random.nextInt(points.length)]!)]
  const nearest = points.map((point) => distance(point, centers[0]!))
  while (centers.length < k) {
    const total = nearest.reduce((sum, value) => sum + value, 0)
    let pick = 0
    if (total > 0) {
      let target = random.nextFloat() * total
      while (pick < points.length - 1 && target >= nearest[pick]!) target -= nearest[pick++]!
    }
    centers.push(Float64Array.from(points[pick]!))
    points.forEach((point, index) => (nearest[index] = Math.min(nearest[index]!, distance(point, centers[centers.length - 1]!))))
  }
  const labels = new Int32Array(points.length).fill(-1)
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false
    points.forEach((point, index) => {
      let best = 0
      for (let center = 1; center < k; center++) if (distance(point, centers[center]!) < distance(point, centers[best]!)) best = center
      if (labels[index] !== best) changed = true
      labels[index] = best
    })
    if (!changed) break
    for (let center = 0; center < k; center++) {
      const members = points.filter((_, index) => labels[index] === center)
      if (members.length === 0) continue
      const mean = new Float64Array(points[0]!.length)
      for (const member of members) for (let column = 0; column < mean.length; column++) mean[column]! += member[column]! / members.length
      centers[center] = mean
    }
  }
  return labels
}
