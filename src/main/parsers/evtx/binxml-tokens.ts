// Binary XML tokens (MS-EVEN6 2.2.12 / libevtx). The high nibble carries flags: 0x40 on an open
// start element means "has attributes", on other tokens "more follows"; the low nibble decides.
export const token = {
  endOfStream: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  cdata: 0x07,
  charReference: 0x08,
  entityReference: 0x09,
  piTarget: 0x0a,
  piData: 0x0b,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
} as const

export const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
export const maximumDepth = 64

/** The file is not binary XML where it should be; the message becomes the rejection reason. */
export class BinXmlError extends Error {}

/** Next-offset, hash, a length of 1..255 UTF-16 units of XML name characters, then NUL. */
export function isNameString(view: DataView, offset: number): boolean {
  if (offset < 0x200 || offset + 10 > view.byteLength) return false
  const length = view.getUint16(offset + 6, true)
  const end = offset + 8 + length * 2
  if (length === 0 || length > 255 || end + 2 > view.byteLength || view.getUint16(end, true) !== 0) return false
  for (let at = offset + 8; at < end; at += 2) {
    const code = view.getUint16(at, true)
    const isNameCharacter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x3a) ||
      code === 0x5f || code === 0x2d || code === 0x2e || code > 0x7f
    if (!isNameCharacter) return false
  }
  return true
}
