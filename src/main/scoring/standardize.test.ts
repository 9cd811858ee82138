import { describe, expect, it } from 'vitest'
import {
  applyStandardizer,
  fitStandardizer,
  log1pColumns,
  signedLog1p,
  standardizeRow,
  toMatrix,
} from './standardize'

/** A one-column matrix per value list, side by side. */
function columns(...values: number[][]): Float64Array[] {
  return values[0]!.map((_, row) => Float64Array.from(values, (column) => column[row]!))
}

describe('toMatrix', () => {
  it('flattens rows and passes a matrix through', () => {
    const matrix = toMatrix([Float64Array.of(1, 2), Float64Array.of(3, 4)])
    expect(matrix).toEqual({ data: Float64Array.of(1, 2, 3, 4), rows: 2, columns: 2 })
    expect(toMatrix(matrix)).toBe(matrix)
    expect(toMatrix([])).toEqual({ data: new Float64Array(0), rows: 0, columns: 0 })
  })

  it('rejects ragged rows and a matrix whose data does not fit its shape', () => {
    expect(() => toMatrix([Float64Array.of(1, 2), Float64Array.of(3)])).toThrow(/row 1 has 1 values, row 0 has 2/)
    expect(() => toMatrix({ data: new Float64Array(5), rows: 2, columns: 2 })).toThrow(/5 values/)
  })
})

describe('fitStandardizer', () => {
  it('centres on the median and scales by MAD × 1.4826, untouched by an extreme value', () => {
    // Odd: median 3, |deviations| 2 1 0 1 97 → MAD 1. Even: median 2.5, |deviations| 1.5 .5 .5 1.5 → MAD 1.
    const { center, scale } = fitStandardizer(columns([1, 2, 3, 4, 100, 3], [4, 1, 3, 2, 2.5, 2.5]))
    expect(center[0]).toBe(3)
    expect(scale[0]).toBeCloseTo(1.4826, 12)
    expect(center[1]).toBe(2.5)
    expect(scale[1]).toBeCloseTo(0.5 * 1.4826, 12)
  })

  it('falls back to the standard deviation when the MAD is 0, then to 1', () => {
    // Usually-zero count: median 0, MAD 0, mean 1, population SD √((4·1 + 16)/5) = 2.
    const { center, scale } = fitStandardizer(columns([0, 0, 0, 0, 5], [7, 7, 7, 7, 7]))
    expect(Array.from(center)).toEqual([0, 7])
    expect(Array.from(scale)).toEqual([2, 1])
  })

  it('leaves non-finite values out, and a column without finite values gets 0 and 1', () => {
    const nan = Number.NaN
    const { center, scale } = fitStandardizer(columns([1, nan, 3, Infinity, 2], [nan, nan, nan, nan, nan]))
    expect(center[0]).toBe(2)
    expect(scale[0]).toBeCloseTo(1.4826, 12)
    expect(center[1]).toBe(0)
    expect(scale[1]).toBe(1)
  })
})

describe('applyStandardizer and standardizeRow', () => {
  const standardizer = { center: Float64Array.of(1, -2), scale: Float64Array.of(2, 0.5) }

  it('maps each value to (value − centre) / scale', () => {
    const result = applyStandardizer(standardizer, { data: Float64Array.of(5, -2, 1, -1), rows: 2, columns: 2 })
    expect(result).toEqual({ data: Float64Array.of(2, 0, 0, 2), rows: 2, columns: 2 })
    expect(standardizeRow(standardizer, [3, -3])).toEqual(Float64Array.of(1, -2))
  })

  it('writes into a given output and does not change the input', () => {
    const input = Float64Array.of(3, -3)
    const output = new Float64Array(2)
    expect(standardizeRow(standardizer, input, output)).toBe(output)
    expect(output).toEqual(Float64Array.of(1, -2))
    expect(input).toEqual(Float64Array.of(3, -3))
  })

  it('standardizes the fitted data to median 0', () => {
    const data = columns([10, 20, 30, 40, 1000], [0, 0, 1, 1, 1])
    const result = applyStandardizer(fitStandardizer(data), data)
    expect(result.data[2 * 2]).toBe(0)
    expect(result.data[2 * 2 + 1]).toBe(0)
  })

  it('rejects a row of another width', () => {
    expect(() => standardizeRow(standardizer, [1, 2, 3])).toThrow(/2 columns, input has 3/)
    expect(() => applyStandardizer(standardizer, [Float64Array.of(1)])).toThrow(RangeError)
  })
})

describe('signedLog1p and log1pColumns', () => {
  it('is ln(1 + |x|) with the sign of x', () => {
    expect(signedLog1p(0)).toBe(0)
    expect(signedLog1p(Math.E - 1)).toBeCloseTo(1, 12)
    expect(signedLog1p(1 - Math.E)).toBeCloseTo(-1, 12)
    expect(signedLog1p(999)).toBeCloseTo(Math.log(1000), 12)
  })

  it('transforms only the listed columns, into a copy', () => {
    const input = { data: Float64Array.of(99, 99, -99, 5), rows: 2, columns: 2 }
    const result = log1pColumns(input, [0])
    expect(result.data[0]).toBeCloseTo(Math.log(100), 12)
    expect(result.data[1]).toBe(99)
    expect(result.data[2]).toBeCloseTo(-Math.log(100), 12)
    expect(result.data[3]).toBe(5)
    expect(input.data).toEqual(Float64Array.of(99, 99, -99, 5))
    expect(() => log1pColumns(input, [2])).toThrow(/column 2 is outside 0..1/)
  })
})
