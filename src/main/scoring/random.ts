// Seeded pseudo-random numbers for scoring. Scoring must give the same numbers for the same data
// and settings, so nothing here reads Math.random or the clock.

/** A seeded stream of pseudo-random numbers (mulberry32: 32-bit state, period 2^32). */
export interface Random {
  /** A uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number
  /** A uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (bias at most n / 2^32, none for powers of two). */
  nextInt(n: number): number
  /** A standard normal deviate (Box–Muller; one uniform pair per call, the twin is discarded). */
  nextGaussian(): number
}

/** A stream seeded with `seed` (any number; only its low 32 bits as an unsigned integer matter). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  function nextFloat(): number {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    nextFloat,
    nextInt(n: number): number {
      return Math.floor(nextFloat() * n)
    },
    nextGaussian(): number {
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - nextFloat()))
      return radius * Math.cos(2 * Math.PI * nextFloat())
    },
  }
}

/**
 * A seed for sub-stream `stream` of `seed` (splitmix32-style mixing). Giving each tree, user or
 * chunk its own stream keeps results identical however the work is split or ordered.
 */
export function deriveSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul((stream >>> 0) + 1, 0x85ebca6b)) | 0
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
  return (z ^ (z >>> 15)) >>> 0
}
