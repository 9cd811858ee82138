// Reads the grey-scale pages `pdftoppm -gray` writes (binary PGM, P5): a text header and one
// byte per pixel, simpler and surer than decoding PNG in a test.

export interface GreyImage {
  width: number
  height: number
  /** One byte per pixel, 0 black to maxValue white, row by row. */
  pixels: Uint8Array
  maxValue: number
}

export function readPgm(file: Buffer): GreyImage {
  // Header: "P5", width, height, maxval, separated by whitespace, then exactly one whitespace byte.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('not a binary PGM (P5) image')
  const [, width, height, maxValue] = header.map(Number) as [number, number, number, number]
  if (maxValue > 255) throw new Error('16-bit PGM is not supported')
  const start = header[0].length
  const pixels = file.subarray(start, start + width * height)
  if (pixels.length !== width * height) throw new Error(`PGM holds ${pixels.length} of ${width * height} pixels`)
  return { width, height, pixels, maxValue }
}

/** Pixels clearly darker than paper white. */
export function countInk(image: GreyImage, threshold = 0.8): number {
  const limit = image.maxValue * threshold
  let ink = 0
  for (const pixel of image.pixels) if (pixel < limit) ink++
  return ink
}
