// A small seeded generator (sfc32, Chris Doty-Humphrey's "small fast chaotic" PRNG): 32-bit
// state words, passes PractRand to large sizes, and is cheap enough for millions of draws.
// Every stream is derived from (seed, purpose, user, day), so one user's day does not depend
// on how many numbers another user's day happened to draw: output is stable when a caller
// adds a draw somewhere else.

/** A 32-bit mix of any number of integers (murmur3's finalizer over a running hash). */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x9e3779b9
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b)
    hash ^= hash >>> 13
    hash = Math.imul(hash, 0xc2b2ae35)
    hash ^= hash >>> 16
  }
  return hash >>> 0
}

/** FNV-1a of a string, for seeding by name (`'brute_force'`, a user id). */
export function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** Seeded random numbers with the draws the generator needs. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    this.a = 0x243f6a88
    this.b = 0x85a308d3
    this.c = seed >>> 0
    this.d = 1
    // Warm-up: the first outputs of a fresh sfc32 still resemble the seed.
    for (let index = 0; index < 12; index++) this.uint32()
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next()
  }

  /** A whole number from low to high, both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /**
   * An index into a Zipf-like preference list: the first items are chosen most often, as people
   * visit a few sites and open a few folders far more than the rest.
   */
  favourite(length: number, exponent = 1.1): number {
    const index = Math.floor(length * Math.pow(this.next(), 1 + exponent))
    return Math.min(index, length - 1)
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** exp(N(mu, sigma)): positive quantities with a long right tail (sizes, amounts, volumes). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal())
  }

  /** Poisson counts (Knuth for small means, a rounded normal above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
    const limit = Math.exp(-mean)
    let product = this.next()
    let count = 0
    while (product > limit) {
      count++
      product *= this.next()
    }
    return count
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice()
    const taken = Math.min(count, pool.length)
    for (let index = 0; index < taken; index++) {
      const other = index + Math.floor(this.next() * (pool.length - index))
      const swap = pool[index] as T
      pool[index] = pool[other] as T
      pool[other] = swap
    }
    return pool.slice(0, taken)
  }

  /** Random upper-case letters and digits, for CERT record ids and key fingerprints. */
  code(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
    const codes = new Array<number>(length)
    for (let index = 0; index < length; index++) codes[index] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length))
    return String.fromCharCode(...codes)
  }
}
