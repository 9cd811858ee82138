import { createRandom, deriveSeed, type Random } from './random'
import { toMatrix, type MatrixInput } from './standardize'

// Isolation Forest (Liu, Ting & Zhou, ICDM 2008). Each tree is grown on ψ rows drawn without
// replacement by splitting on a random feature at a uniform random value between that feature's
// minimum and maximum among the node's rows, until a row is alone, all rows are identical, or the
// height limit ceil(log2 ψ) is reached. Anomalies are isolated near the root, so a short average
// path means a high score. Every tree has its own seed stream, derived from the model's seed and
// the tree's index, so a tree does not depend on the trees grown before it.

/** How to grow the forest; every field has the paper's default. */
export interface IsolationForestOptions {
  /** Number of trees. Default 200. */
  trees?: number
  /** ψ, rows drawn without replacement per tree (all rows when there are fewer). Default 256. */
  sampleSize?: number
  /** Seed of the pseudo-random streams. Default 1. */
  seed?: number
  /** Height limit. Default ceil(log2 ψ) with the ψ actually used. */
  maxDepth?: number
}

/**
 * A fitted forest as plain numbers and typed arrays, so it can be posted to a worker or stored.
 * All trees share flat node arrays; `roots[t]` is tree t's root and children are absolute indices.
 */
export interface IsolationForestModel {
  columns: number
  trees: number
  /** ψ actually used: min(sampleSize, rows). */
  sampleSize: number
  maxDepth: number
  seed: number
  /** c(ψ), the average path length of an unsuccessful search in a binary search tree of ψ keys. */
  averagePathLength: number
  roots: Int32Array
  /** Split feature, or -1 at a leaf. */
  feature: Int32Array
  /** A row goes left when its value of `feature` is below this. */
  threshold: Float64Array
  left: Int32Array
  right: Int32Array
  /** Sample rows that reached the node. */
  size: Int32Array
  /** At a leaf, its depth plus c(size): the path length credited to a row that ends there. */
  leafPath: Float64Array
}

const eulerGamma = 0.5772156649

/**
 * c(n) = 2H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ, as in the paper; c(2) = 1 exactly (the
 * approximation of H(1) is poor) and c(n) = 0 for n ≤ 1, as in scikit-learn.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0
  if (n === 2) return 1
  return 2 * (Math.log(n - 1) + eulerGamma) - (2 * (n - 1)) / n
}

/** Grows a forest on the rows of `input` (finite values only). */
export function fitIsolationForest(input: MatrixInput, options: IsolationForestOptions = {}): IsolationForestModel {
  const { data, rows, columns } = toMatrix(input)
  const trees = options.trees ?? 200
  const seed = options.seed ?? 1
  if (rows < 1) throw new RangeError('an Isolation Forest needs at least one row')
  if (!Number.isInteger(trees) || trees < 1) throw new RangeError(`trees must be a positive integer, not ${trees}`)
  const requestedSample = options.sampleSize ?? 256
  if (!Number.isInteger(requestedSample) || requestedSample < 1) {
    throw new RangeError(`sampleSize must be a positive integer, not ${requestedSample}`)
  }
  for (let index = 0; index < data.length; index++) {
    if (!Number.isFinite(data[index]!)) {
      throw new RangeError(`row ${Math.floor(index / columns)} column ${index % columns} is not finite`)
    }
  }
  const sampleSize = Math.min(requestedSample, rows)
  const maxDepth = options.maxDepth ?? Math.ceil(Math.log2(sampleSize))
  if (!Number.isInteger(maxDepth) || maxDepth < 0) throw new RangeError(`maxDepth must be a non-negative integer, not ${maxDepth}`)

  const capacity = trees * (2 * sampleSize - 1)
  const builder: TreeBuilder = {
    columns,
    maxDepth,
    random: createRandom(0),
    sample: new Float64Array(sampleSize * columns),
    order: new Int32Array(sampleSize),
    featureOrder: new Int32Array(columns),
    nodeCount: 0,
    feature: new Int32Array(capacity),
    threshold: new Float64Array(capacity),
    left: new Int32Array(capacity),
    right: new Int32Array(capacity),
    size: new Int32Array(capacity),
    leafPath: new Float64Array(capacity),
  }
  const roots = new Int32Array(trees)
  const permutation = Int32Array.from({ length: rows }, (_, row) => row)
  const swaps = new Int32Array(sampleSize)
  for (let tree = 0; tree < trees; tree++) {
    builder.random = createRandom(deriveSeed(seed, tree))
    // Partial Fisher–Yates draws ψ distinct rows; undoing the swaps restores the identity so
    // the next tree's sample depends only on its own stream.
    for (let index = 0; index < sampleSize; index++) {
      const other = index + builder.random.nextInt(rows - index)
      swaps[index] = other
      const row = permutation[other]!
      permutation[other] = permutation[index]!
      permutation[index] = row
      builder.sample.set(data.subarray(row * columns, (row + 1) * columns), index * columns)
      builder.order[index] = index
    }
    for (let index = sampleSize - 1; index >= 0; index--) {
      const other = swaps[index]!
      const row = permutation[other]!
      permutation[other] = permutation[index]!
      permutation[index] = row
    }
    roots[tree] = growNode(builder, 0, sampleSize, 0)
  }
  const used = builder.nodeCount
  return {
    columns,
    trees,
    sampleSize,
    maxDepth,
    seed,
    averagePathLength: averagePathLength(sampleSize),
    roots,
    feature: builder.feature.slice(0, used),
    threshold: builder.threshold.slice(0, used),
    left: builder.left.slice(0, used),
    right: builder.right.slice(0, used),
    size: builder.size.slice(0, used),
    leafPath: builder.leafPath.slice(0, used),
  }
}

/** The anomaly score s(x, ψ) = 2^(−E[h(x)] / c(ψ)) in (0, 1]; 0.5 when c(ψ) = 0 (one row). */
export function scoreIsolationForest(model: IsolationForestModel, row: ArrayLike<number>): number {
  if (row.length !== model.columns) throw new RangeError(`row has ${row.length} values, the model ${model.columns}`)
  const { roots, feature, threshold, left, right, leafPath } = model
  let total = 0
  for (let tree = 0; tree < model.trees; tree++) {
    let node = roots[tree]!
    let split = feature[node]!
    while (split >= 0) {
      node = row[split]! < threshold[node]! ? left[node]! : right[node]!
      split = feature[node]!
    }
    total += leafPath[node]!
  }
  return scoreFromTotal(model, total)
}

/** The anomaly score of every row of `input`. */
export function scoreMany(model: IsolationForestModel, input: MatrixInput): Float64Array {
  const { data, rows, columns } = toMatrix(input)
  if (rows > 0 && columns !== model.columns) throw new RangeError(`input has ${columns} columns, the model ${model.columns}`)
  const { roots, feature, threshold, left, right, leafPath } = model
  const totals = new Float64Array(rows)
  // Tree by tree, so one tree's nodes stay in cache while the rows stream past.
  for (let tree = 0; tree < model.trees; tree++) {
    const root = roots[tree]!
    for (let row = 0, offset = 0; row < rows; row++, offset += columns) {
      let node = root
      let split = feature[node]!
      while (split >= 0) {
        node = data[offset + split]! < threshold[node]! ? left[node]! : right[node]!
        split = feature[node]!
      }
      totals[row]! += leafPath[node]!
    }
  }
  for (let row = 0; row < rows; row++) totals[row] = scoreFromTotal(model, totals[row]!)
  return totals
}

function scoreFromTotal(model: IsolationForestModel, total: number): number {
  if (model.averagePathLength === 0) return 0.5
  return Math.pow(2, -total / model.trees / model.averagePathLength)
}

interface TreeBuilder {
  columns: number
  maxDepth: number
  random: Random
  /** The tree's ψ sampled rows, row-major, and the permutation of them the nodes partition. */
  sample: Float64Array
  order: Int32Array
  featureOrder: Int32Array
  nodeCount: number
  feature: Int32Array
  threshold: Float64Array
  left: Int32Array
  right: Int32Array
  size: Int32Array
  leafPath: Float64Array
}

/** Grows the subtree over `order[start..end)` and returns its node index. */
function growNode(builder: TreeBuilder, start: number, end: number, depth: number): number {
  const node = builder.nodeCount++
  const count = end - start
  builder.size[node] = count
  builder.feature[node] = -1
  if (count <= 1 || depth >= builder.maxDepth || !chooseSplit(builder, node, start, end)) {
    builder.leafPath[node] = depth + averagePathLength(count)
    return node
  }
  const { sample, order, columns } = builder
  const split = builder.feature[node]!
  const threshold = builder.threshold[node]!
  // Partition: rows below the threshold to the front.
  let middle = start
  for (let index = start; index < end; index++) {
    const row = order[index]!
    if (sample[row * columns + split]! < threshold) {
      order[index] = order[middle]!
      order[middle++] = row
    }
  }
  builder.left[node] = growNode(builder, start, middle, depth + 1)
  builder.right[node] = growNode(builder, middle, end, depth + 1)
  return node
}

/**
 * Picks a feature uniformly among those not constant on the node's rows (trying features in a
 * random order) and a threshold uniformly in (min, max]; false when every feature is constant.
 */
function chooseSplit(builder: TreeBuilder, node: number, start: number, end: number): boolean {
  const { sample, order, columns, featureOrder, random } = builder
  for (let index = 0; index < columns; index++) featureOrder[index] = index
  for (let tried = 0; tried < columns; tried++) {
    const pick = tried + random.nextInt(columns - tried)
    const candidate = featureOrder[pick]!
    featureOrder[pick] = featureOrder[tried]!
    featureOrder[tried] = candidate
    let min = Infinity
    let max = -Infinity
    for (let index = start; index < end; index++) {
      const value = sample[order[index]! * columns + candidate]!
      if (value < min) min = value
      if (value > max) max = value
    }
    if (!(max > min)) continue
    // (min, max] keeps both sides non-empty under "below the threshold goes left"; rounding can
    // land outside it when the spread is tiny beside the values, and then max splits instead.
    let threshold = min + (1 - random.nextFloat()) * (max - min)
    if (!(threshold > min) || threshold > max) threshold = max
    builder.feature[node] = candidate
    builder.threshold[node] = threshold
    return true
  }
  return false
}
