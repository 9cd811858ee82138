import { describe, expect, it } from 'vitest'
import { exportFileBlob } from './save-file'

describe('exportFileBlob', () => {
  it('keeps text as UTF-8', async () => {
    const blob = exportFileBlob({ data: 'user,risk\nzoë,0.9\n', encoding: 'utf8', mimeType: 'text/csv' })
    expect(blob.type).toBe('text/csv')
    expect(await blob.text()).toBe('user,risk\nzoë,0.9\n')
  })

  it('decodes base64 into the original bytes', async () => {
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80])
    const data = btoa(String.fromCharCode(...bytes))
    const blob = exportFileBlob({ data, encoding: 'base64', mimeType: 'application/pdf' })
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
  })
})
