import { hexBytes, readLatin1, readUtf16 } from './bytes'

// Binary XML value types (MS-EVEN6 2.2.18 / libevtx "value types"). Bit 0x80 marks an array.
export const valueType = {
  null: 0x00,
  string: 0x01,
  ansiString: 0x02,
  int8: 0x03,
  uint8: 0x04,
  int16: 0x05,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  int64: 0x09,
  uint64: 0x0a,
  real32: 0x0b,
  real64: 0x0c,
  bool: 0x0d,
  binary: 0x0e,
  guid: 0x0f,
  sizeT: 0x10,
  filetime: 0x11,
  systemtime: 0x12,
  sid: 0x13,
  hex32: 0x14,
  hex64: 0x15,
  binXml: 0x21,
  array: 0x80,
} as const

/** Bytes per element of the fixed-size types; absent: variable size. */
const fixedSizes: Readonly<Record<number, number>> = {
  [valueType.int8]: 1, [valueType.uint8]: 1, [valueType.int16]: 2, [valueType.uint16]: 2,
  [valueType.int32]: 4, [valueType.uint32]: 4, [valueType.int64]: 8, [valueType.uint64]: 8,
  [valueType.real32]: 4, [valueType.real64]: 8, [valueType.bool]: 4, [valueType.guid]: 16,
  [valueType.filetime]: 8, [valueType.systemtime]: 16, [valueType.hex32]: 4, [valueType.hex64]: 8,
}

export function fixedSize(type: number): number | undefined {
  return fixedSizes[type]
}

// FILETIME counts 100 ns since 1601-01-01. 2^32 = 10000 * 429496 + 7296 lets the division stay
// exact in doubles, which a plain (high * 2^32 + low) / 10000 would not (it exceeds 2^53).
const epochDifferenceMs = 11644473600000

/** FILETIME at `offset` as epoch ms, or null for 0 (unset) and values outside Date's range. */
export function filetimeMs(view: DataView, offset: number): number | null {
  const low = view.getUint32(offset, true)
  const high = view.getUint32(offset + 4, true)
  if (low === 0 && high === 0) return null
  const ms = high * 429496 + Math.floor((high * 7296 + low) / 10000) - epochDifferenceMs
  return Math.abs(ms) <= 8.64e15 ? ms : null
}

/** FILETIME as ISO 8601 with its full 100 ns precision, as Windows renders it. */
function filetimeIso(view: DataView, offset: number): string {
  const low = view.getUint32(offset, true)
  const high = view.getUint32(offset + 4, true)
  const ms = high * 429496 + Math.floor((high * 7296 + low) / 10000) - epochDifferenceMs
  if (Math.abs(ms) > 8.64e15) return ''
  const ticks = (high * 7296 + low) % 10000
  return new Date(ms).toISOString().slice(0, 23) + String(ticks).padStart(4, '0') + 'Z'
}

/** SYSTEMTIME (eight uint16: year, month, weekday, day, hour, minute, second, ms) as epoch ms. */
export function systemtimeMs(view: DataView, offset: number): number | null {
  const month = view.getUint16(offset + 2, true)
  const day = view.getUint16(offset + 6, true)
  const ms = Date.UTC(
    view.getUint16(offset, true), month - 1, day, view.getUint16(offset + 8, true),
    view.getUint16(offset + 10, true), view.getUint16(offset + 12, true), view.getUint16(offset + 14, true),
  )
  if (!Number.isFinite(ms) || month < 1 || month > 12 || new Date(ms).getUTCDate() !== day) return null
  return ms
}

function sid(view: DataView, offset: number, size: number): string {
  const count = view.getUint8(offset + 1)
  if (8 + count * 4 > size) throw new RangeError('SID longer than its value')
  let authority = 0
  for (let i = 2; i < 8; i++) authority = authority * 256 + view.getUint8(offset + i)
  let text = `S-${view.getUint8(offset)}-${authority}`
  for (let i = 0; i < count; i++) text += `-${view.getUint32(offset + 8 + i * 4, true)}`
  return text
}

/** GUID in registry form, upper case as Event Viewer shows it: the first three fields are little-endian. */
function guid(view: DataView, offset: number): string {
  return `{${hexBytes(view, offset + 3, 1)}${hexBytes(view, offset + 2, 1)}${hexBytes(view, offset + 1, 1)}${hexBytes(view, offset, 1)}-` +
    `${hexBytes(view, offset + 5, 1)}${hexBytes(view, offset + 4, 1)}-${hexBytes(view, offset + 7, 1)}${hexBytes(view, offset + 6, 1)}-` +
    `${hexBytes(view, offset + 8, 2)}-${hexBytes(view, offset + 10, 6)}}`
}

function integer64(view: DataView, offset: number, signed: boolean): string {
  const high = signed ? view.getInt32(offset + 4, true) : view.getUint32(offset + 4, true)
  // Below 2^53 the double is exact; only then is BigInt (slow) needed.
  if (high >= -0x200000 && high < 0x200000) return String(high * 0x100000000 + view.getUint32(offset, true))
  return (signed ? view.getBigInt64(offset, true) : view.getBigUint64(offset, true)).toString()
}

/** Hex without leading zeros, as Event Viewer and Winlogbeat show HexInt32/HexInt64 (`0x3e7`). */
function hex64(view: DataView, offset: number): string {
  const high = view.getUint32(offset + 4, true)
  const low = view.getUint32(offset, true)
  return high === 0 ? `0x${low.toString(16)}` : `0x${high.toString(16)}${low.toString(16).padStart(8, '0')}`
}

/** One value of a non-array type as text. Bin-XML values render as '' (they are element content). */
export function renderScalar(view: DataView, type: number, offset: number, size: number): string {
  switch (type) {
    case valueType.null: return ''
    case valueType.string: return readUtf16(view, offset, size >>> 1)
    case valueType.ansiString: return readLatin1(view, offset, size)
    case valueType.int8: return String(view.getInt8(offset))
    case valueType.uint8: return String(view.getUint8(offset))
    case valueType.int16: return String(view.getInt16(offset, true))
    case valueType.uint16: return String(view.getUint16(offset, true))
    case valueType.int32: return String(view.getInt32(offset, true))
    case valueType.uint32: return String(view.getUint32(offset, true))
    case valueType.int64: return integer64(view, offset, true)
    case valueType.uint64: return integer64(view, offset, false)
    case valueType.real32: return String(view.getFloat32(offset, true))
    case valueType.real64: return String(view.getFloat64(offset, true))
    case valueType.bool: return view.getUint32(offset, true) !== 0 ? 'true' : 'false'
    case valueType.binary: return hexBytes(view, offset, size)
    case valueType.guid: return guid(view, offset)
    case valueType.sizeT: return size === 4 ? `0x${view.getUint32(offset, true).toString(16)}` : hex64(view, offset)
    case valueType.filetime: return filetimeIso(view, offset)
    case valueType.systemtime: {
      const ms = systemtimeMs(view, offset)
      return ms === null ? '' : new Date(ms).toISOString()
    }
    case valueType.sid: return sid(view, offset, size)
    case valueType.hex32: return `0x${view.getUint32(offset, true).toString(16)}`
    case valueType.hex64: return hex64(view, offset)
    case valueType.binXml: return ''
    default: return hexBytes(view, offset, size)
  }
}

/** A substitution value of any type as text; arrays join their elements with ', '. */
export function renderValue(view: DataView, type: number, offset: number, size: number): string {
  if ((type & valueType.array) === 0) return renderScalar(view, type, offset, size)
  return renderArray(view, type, offset, size).join(', ')
}

/** The elements of an array value (type flag 0x80), each as text. */
export function renderArray(view: DataView, type: number, offset: number, size: number): string[] {
  const base = type & 0x7f
  if (base === valueType.string) return splitOnNul(readUtf16Raw(view, offset, size >>> 1))
  if (base === valueType.ansiString) return splitOnNul(readLatin1Raw(view, offset, size))
  const parts: string[] = []
  if (base === valueType.sid) {
    for (let at = offset; at + 8 <= offset + size; ) {
      const length = 8 + view.getUint8(at + 1) * 4
      parts.push(sid(view, at, length))
      at += length
    }
    return parts
  }
  const width = base === valueType.sizeT ? (size % 8 === 0 ? 8 : 4) : fixedSize(base)
  if (width === undefined) return [hexBytes(view, offset, size)]
  for (let at = offset; at + width <= offset + size; at += width) parts.push(renderScalar(view, base, at, width))
  return parts
}

function readUtf16Raw(view: DataView, offset: number, charCount: number): string {
  let text = ''
  for (let i = 0; i < charCount; i++) text += String.fromCharCode(view.getUint16(offset + i * 2, true))
  return text
}

function readLatin1Raw(view: DataView, offset: number, length: number): string {
  let text = ''
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(offset + i))
  return text
}

function splitOnNul(text: string): string[] {
  const parts = text.split('\0')
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts
}
