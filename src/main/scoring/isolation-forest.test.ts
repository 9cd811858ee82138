import { describe, expect, it } from 'vitest'
import {
  averagePathLength,
  fitIsolationForest,
  scoreIsolationForest,
  scoreMany,
  type IsolationForestModel,
} from './isolation-forest'
import { createRandom } from './random'

const rows = (values: number[][]): Float64Array[] => values.map((row) => Float64Array.from(row))

/** ROC AUC by the rank-sum (Mann–Whitney) statistic, ties counted half. */
function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let positives = 0
  let wins = 0
  for (let i = 0; i < scores.length; i++) {
    if (!labels[i]) continue
    positives++
    for (let j = 0; j < scores.length; j++) {
      if (labels[j]) continue
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0
    }
  }
  return wins / (positives * (scores.length - positives))
}

/** Leaves of one tree as [node, depth] pairs. */
function leaves(model: IsolationForestModel, tree: number): Array<[number, number]> {
  const found: Array<[number, number]> = []
  const stack: Array<[number, number]> = [[model.roots[tree]!, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (model.feature[node]! < 0) found.push([node, depth])
    else stack.push([model.left[node]!, depth + 1], [model.right[node]!, depth + 1])
  }
  return found
}

describe('averagePathLength', () => {
  it('is 0 below two rows and 1 for two (a single split)', () => {
    expect(averagePathLength(0)).toBe(0)
    expect(averagePathLength(1)).toBe(0)
    expect(averagePathLength(2)).toBe(1)
  })

  it('follows 2(ln(n−1) + γ) − 2(n−1)/n beyond', () => {
    expect(averagePathLength(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649) - 510 / 256, 12)
    expect(averagePathLength(256)).toBeCloseTo(10.24477092, 7)
    expect(averagePathLength(4)).toBeCloseTo(1.85165591, 7)
  })
})

describe('fitIsolationForest and scoreIsolationForest', () => {
  it('gives the exact scores of a forest every seed grows alike', () => {
    // Every root split puts the three zeros left (a constant, so a leaf of size 3 at depth 1)
    // and 10 right: s(10) = 2^(−1/c(4)), s(0) = 2^(−(1 + c(3))/c(4)).
    const model = fitIsolationForest(rows([[0], [0], [0], [10]]), { trees: 20, seed: 5 })
    expect(model.sampleSize).toBe(4)
    expect(model.maxDepth).toBe(2)
    expect(scoreIsolationForest(model, [10])).toBeCloseTo(0.68774367, 7)
    expect(scoreIsolationForest(model, [0])).toBeCloseTo(0.43765986, 7)
  })

  it('scores a far outlier above 0.7 and above every inlier', () => {
    const grid: number[][] = []
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) grid.push([x, y])
    const model = fitIsolationForest(rows([...grid, [100, 100]]), { trees: 100 })
    const outlier = scoreIsolationForest(model, [100, 100])
    const inliers = grid.map((point) => scoreIsolationForest(model, point))
    expect(outlier).toBeGreaterThan(0.7)
    expect(outlier).toBeGreaterThan(Math.max(...inliers))
  })

  it('gives 0.5 everywhere when all rows are identical (no split possible)', () => {
    const model = fitIsolationForest(rows(Array.from({ length: 50 }, () => [1, 2, 3])), { trees: 10 })
    expect(model.feature.length).toBe(10)
    expect(Array.from(model.size)).toEqual(Array(10).fill(50))
    expect(scoreIsolationForest(model, [1, 2, 3])).toBeCloseTo(0.5, 12)
    expect(scoreIsolationForest(model, [9, 9, 9])).toBeCloseTo(0.5, 12)
  })

  it('gives 0.5 for a forest of one row, as scikit-learn does', () => {
    const model = fitIsolationForest(rows([[4, 2]]))
    expect(model.sampleSize).toBe(1)
    expect(model.maxDepth).toBe(0)
    expect(scoreIsolationForest(model, [4, 2])).toBe(0.5)
    expect(scoreIsolationForest(model, [400, -2])).toBe(0.5)
  })

  it('never splits on a feature that is constant among the node rows', () => {
    const data = rows(Array.from({ length: 200 }, (_, index) => [7, index % 13, 3]))
    const model = fitIsolationForest(data, { trees: 30 })
    const splits = Array.from(model.feature).filter((feature) => feature >= 0)
    expect(splits.length).toBeGreaterThan(0)
    expect(new Set(splits)).toEqual(new Set([1]))
  })

  it('draws ψ distinct rows per tree and respects the height limit', () => {
    // With distinct rows and no height limit, a leaf holds two rows only if a row was drawn twice.
    const data = rows(Array.from({ length: 64 }, (_, index) => [index, (index * 7) % 64]))
    const model = fitIsolationForest(data, { trees: 20, sampleSize: 64, maxDepth: 64 })
    for (let tree = 0; tree < model.trees; tree++) {
      expect(model.size[model.roots[tree]!]).toBe(64)
      expect(leaves(model, tree).map(([node]) => model.size[node])).toEqual(Array(64).fill(1))
    }
    const limited = fitIsolationForest(rows(Array.from({ length: 1000 }, (_, index) => [index])), { trees: 20, sampleSize: 16 })
    expect(limited.maxDepth).toBe(4)
    for (let tree = 0; tree < limited.trees; tree++) {
      const treeLeaves = leaves(limited, tree)
      expect(treeLeaves.reduce((sum, [node]) => sum + limited.size[node]!, 0)).toBe(16)
      for (const [node, depth] of treeLeaves) {
        expect(depth).toBeLessThanOrEqual(4)
        expect(limited.leafPath[node]).toBeCloseTo(depth + averagePathLength(limited.size[node]!), 12)
      }
    }
  })

  it('is deterministic for a seed, and another seed grows another forest', () => {
    const random = createRandom(3)
    const data = rows(Array.from({ length: 300 }, () => [random.nextGaussian(), random.nextGaussian()]))
    const first = fitIsolationForest(data, { trees: 25, seed: 11 })
    const again = fitIsolationForest(data, { trees: 25, seed: 11 })
    const other = fitIsolationForest(data, { trees: 25, seed: 12 })
    expect(again).toEqual(first)
    expect(scoreMany(again, data)).toEqual(scoreMany(first, data))
    expect(other.threshold).not.toEqual(first.threshold)
    expect(scoreMany(other, data)).not.toEqual(scoreMany(first, data))
  })

  it('grows the same first trees whatever the number of trees', () => {
    const data = rows(Array.from({ length: 500 }, (_, index) => [index % 17, index % 23]))
    const small = fitIsolationForest(data, { trees: 5, seed: 9 })
    const large = fitIsolationForest(data, { trees: 12, seed: 9 })
    const used = small.feature.length
    expect(Array.from(large.roots.subarray(0, 5))).toEqual(Array.from(small.roots))
    expect(large.threshold.subarray(0, used)).toEqual(small.threshold)
    expect(large.feature.subarray(0, used)).toEqual(small.feature)
  })

  it('finds 2 % planted outliers around a 2-D Gaussian blob (ROC AUC ≥ 0.95)', () => {
    const random = createRandom(21)
    const labels: number[] = []
    const points: number[][] = []
    for (let index = 0; index < 1000; index++) {
      const outlier = index % 50 === 0
      const angle = 2 * Math.PI * random.nextFloat()
      const radius = 4 + 2 * random.nextFloat()
      points.push(outlier ? [radius * Math.cos(angle), radius * Math.sin(angle)] : [random.nextGaussian(), random.nextGaussian()])
      labels.push(outlier ? 1 : 0)
    }
    const model = fitIsolationForest(rows(points))
    expect(rocAuc(scoreMany(model, rows(points)), labels)).toBeGreaterThanOrEqual(0.95)
  })

  it('scores a matrix as it scores its rows, in either input form, and after a structured clone', () => {
    const random = createRandom(4)
    const data = rows(Array.from({ length: 120 }, () => [random.nextFloat(), random.nextFloat(), random.nextFloat()]))
    const flat = { data: new Float64Array(data.flatMap((row) => Array.from(row))), rows: 120, columns: 3 }
    const model = fitIsolationForest(data, { trees: 40 })
    expect(fitIsolationForest(flat, { trees: 40 })).toEqual(model)
    const scores = scoreMany(model, flat)
    expect(scores).toEqual(scoreMany(model, data))
    expect(scores).toEqual(Float64Array.from(data, (row) => scoreIsolationForest(model, row)))
    expect(scoreMany(structuredClone(model), flat)).toEqual(scores)
    expect(Math.min(...scores)).toBeGreaterThan(0)
    expect(Math.max(...scores)).toBeLessThan(1)
  })

  it('rejects what it cannot fit or score', () => {
    expect(() => fitIsolationForest([])).toThrow(RangeError)
    expect(() => fitIsolationForest(rows([[1, Number.NaN]]))).toThrow(/row 0 column 1/)
    expect(() => fitIsolationForest(rows([[1, 2], [3]]))).toThrow(/row 1/)
    expect(() => fitIsolationForest(rows([[1]]), { trees: 0 })).toThrow(/trees/)
    expect(() => fitIsolationForest(rows([[1]]), { sampleSize: 2.5 })).toThrow(/sampleSize/)
    const model = fitIsolationForest(rows([[1, 2], [3, 4]]))
    expect(() => scoreIsolationForest(model, [1])).toThrow(/1 values, the model 2/)
    expect(() => scoreMany(model, rows([[1, 2, 3]]))).toThrow(/3 columns/)
  })
})
