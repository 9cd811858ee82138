import type { ExportFile } from '../../shared/case-schemas'

/** The file's bytes as a Blob: text as UTF-8, base64 (a PDF) decoded. */
export function exportFileBlob(file: Pick<ExportFile, 'data' | 'encoding' | 'mimeType'>): Blob {
  if (file.encoding === 'utf8') return new Blob([file.data], { type: file.mimeType })
  const binary = atob(file.data)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return new Blob([bytes], { type: file.mimeType })
}

/**
 * Hands the file to the browser's (or Electron's) download handling: the same code saves it in
 * both doors, and nothing is written anywhere the analyst did not choose.
 */
export function saveExportFile(file: ExportFile): void {
  const url = URL.createObjectURL(exportFileBlob(file))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later, not at once: the download reads the URL after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
