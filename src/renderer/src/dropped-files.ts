/** One file to import, with its path inside what was dropped or chosen: 'logs/2024/auth.log'. */
export interface DroppedFile {
  file: File
  relativePath: string
}

/**
 * What a drop carries, as files. Call it while the drop event is being dispatched: the browser
 * empties the DataTransfer once the handler returns, so the entries are taken now and walked
 * afterwards. With `walkFolders` false each dropped item stays one File, a folder included
 * (Electron turns it into a path); a browser can only upload files, so folders are walked.
 */
export function readDrop(dataTransfer: DataTransfer, walkFolders: boolean): Promise<DroppedFile[]> {
  if (!walkFolders) {
    return Promise.resolve(Array.from(dataTransfer.files, (file) => ({ file, relativePath: file.name })))
  }
  const taken = Array.from(dataTransfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }))
  return (async () => {
    const files: DroppedFile[] = []
    for (const { entry, file } of taken) {
      if (entry) await walkEntry(entry, files)
      else if (file) files.push({ file, relativePath: file.name })
    }
    return files
  })()
}

/** Files from an `<input type=file>`; with `webkitdirectory` each knows its path in the folder. */
export function filesFromInput(files: Iterable<File>): DroppedFile[] {
  return Array.from(files, (file) => ({ file, relativePath: file.webkitRelativePath || file.name }))
}

async function walkEntry(entry: FileSystemEntry, into: DroppedFile[]): Promise<void> {
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject))
    into.push({ file, relativePath: entry.fullPath.replace(/^\/+/, '') || file.name })
  } else if (isDirectoryEntry(entry)) {
    const reader = entry.createReader()
    // readEntries hands out a directory in batches (100 in Chromium) until it returns none.
    for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
      for (const child of batch) await walkEntry(child, into)
    }
  }
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}

/** How one drop reads in a list: 'auth.log', 'logs/ (12 files)', '3 files'. */
export function describeFiles(files: readonly DroppedFile[]): string {
  const first = files[0]
  if (first === undefined) return 'nothing'
  if (files.length === 1) return first.relativePath
  const folder = first.relativePath.split('/')[0] ?? ''
  const oneFolder = first.relativePath.includes('/') && files.every((item) => item.relativePath.startsWith(`${folder}/`))
  return oneFolder ? `${folder}/ (${files.length} files)` : `${files.length} files`
}
