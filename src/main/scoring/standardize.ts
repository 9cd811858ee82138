// Feature matrices and robust standardization of their columns. User-day features are heavy-
// tailed (a spree day is a hundred times a normal one), so the centre and spread come from the
// median and MAD, which a few extreme days do not move.

/** A dense row-major matrix: the value at (row, column) is `data[row * columns + column]`. */
export interface Matrix {
  data: Float64Array
  rows: number
  columns: number
}

/** What matrix-reading functions accept: one typed array per row, or a `Matrix`. */
export type MatrixInput = readonly Float64Array[] | Matrix

/** Per-column centre and scale; `(value - center) / scale` is the standardized value. */
export interface Standardizer {
  center: Float64Array
  scale: Float64Array
}

/** MAD × this estimates the standard deviation of normally distributed data. */
export const madToStandardDeviation = 1.4826

/** `input` as a `Matrix`: a `Matrix` is returned as is, rows are copied into one flat array. */
export function toMatrix(input: MatrixInput): Matrix {
  if (!Array.isArray(input)) {
    const matrix = input as Matrix
    if (matrix.data.length !== matrix.rows * matrix.columns) {
      throw new RangeError(`matrix data holds ${matrix.data.length} values, not ${matrix.rows} × ${matrix.columns}`)
    }
    return matrix
  }
  const rows = input as readonly Float64Array[]
  const columns = rows.length > 0 ? rows[0]!.length : 0
  const data = new Float64Array(rows.length * columns)
  for (let row = 0; row < rows.length; row++) {
    const values = rows[row]!
    if (values.length !== columns) {
      throw new RangeError(`row ${row} has ${values.length} values, row 0 has ${columns}`)
    }
    data.set(values, row * columns)
  }
  return { data, rows: rows.length, columns }
}

/**
 * Median and MAD × 1.4826 per column. Where the MAD is 0 (more than half the values equal, as in
 * a count that is usually 0) the standard deviation is the scale; where that is 0 too, 1.
 * Non-finite values are left out; a column with no finite value gets centre 0 and scale 1.
 */
export function fitStandardizer(input: MatrixInput): Standardizer {
  const { data, rows, columns } = toMatrix(input)
  const center = new Float64Array(columns)
  const scale = new Float64Array(columns)
  const values = new Float64Array(rows)
  for (let column = 0; column < columns; column++) {
    let count = 0
    for (let row = 0; row < rows; row++) {
      const value = data[row * columns + column]!
      if (Number.isFinite(value)) values[count++] = value
    }
    if (count === 0) {
      scale[column] = 1
      continue
    }
    const finite = values.subarray(0, count)
    finite.sort()
    const median = sortedMedian(finite)
    let sum = 0
    for (let index = 0; index < count; index++) {
      const deviation = Math.abs(finite[index]! - median)
      sum += finite[index]!
      finite[index] = deviation
    }
    finite.sort()
    const mad = sortedMedian(finite) * madToStandardDeviation
    center[column] = median
    scale[column] = mad > 0 ? mad : standardDeviation(data, rows, columns, column, sum / count) || 1
  }
  return { center, scale }
}

/** Standardizes every row of `input` into a new matrix (non-finite values stay non-finite). */
export function applyStandardizer(standardizer: Standardizer, input: MatrixInput): Matrix {
  const { data, rows, columns } = toMatrix(input)
  checkColumns(standardizer, columns)
  const output = new Float64Array(data.length)
  for (let row = 0; row < rows; row++) {
    standardizeRow(standardizer, data.subarray(row * columns, (row + 1) * columns), output.subarray(row * columns))
  }
  return { data: output, rows, columns }
}

/** Standardizes one row into `output` (a new array when omitted) and returns it. */
export function standardizeRow(
  standardizer: Standardizer,
  row: ArrayLike<number>,
  output: Float64Array = new Float64Array(row.length),
): Float64Array {
  checkColumns(standardizer, row.length)
  const { center, scale } = standardizer
  for (let column = 0; column < row.length; column++) {
    output[column] = (row[column]! - center[column]!) / scale[column]!
  }
  return output
}

/**
 * sign(x)·ln(1 + |x|): compresses counts, bytes and amounts so a tenfold day is a step, not a
 * cliff, and stays defined for negative values (a balance change). Apply it to such columns
 * before fitting the standardizer. Unlike standardization, which shifts and scales each column
 * and so leaves an Isolation Forest's splits unchanged in distribution, this changes where the
 * random splits fall.
 */
export function signedLog1p(value: number): number {
  return value < 0 ? -Math.log1p(-value) : Math.log1p(value)
}

/** A copy of `input` with `signedLog1p` applied to the listed columns. */
export function log1pColumns(input: MatrixInput, columnsToTransform: readonly number[]): Matrix {
  const { data, rows, columns } = toMatrix(input)
  const output = data.slice()
  for (const column of columnsToTransform) {
    if (!Number.isInteger(column) || column < 0 || column >= columns) {
      throw new RangeError(`column ${column} is outside 0..${columns - 1}`)
    }
    for (let index = column; index < output.length; index += columns) output[index] = signedLog1p(output[index]!)
  }
  return { data: output, rows, columns }
}

function sortedMedian(sorted: Float64Array): number {
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function standardDeviation(data: Float64Array, rows: number, columns: number, column: number, mean: number): number {
  let squares = 0
  let count = 0
  for (let row = 0; row < rows; row++) {
    const value = data[row * columns + column]!
    if (!Number.isFinite(value)) continue
    squares += (value - mean) * (value - mean)
    count++
  }
  return Math.sqrt(squares / count)
}

function checkColumns(standardizer: Standardizer, columns: number): void {
  if (standardizer.center.length !== columns) {
    throw new RangeError(`standardizer has ${standardizer.center.length} columns, input has ${columns}`)
  }
}
