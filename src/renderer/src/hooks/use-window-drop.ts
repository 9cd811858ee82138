import { useEffect, useState } from 'react'
import { filesHaveLocalPaths } from '../api/client'
import { readDrop } from '../dropped-files'
import { navigate } from './use-route'
import { importFiles } from './use-import-intake'

/**
 * Makes the whole window a drop target for files: a drop anywhere opens the Import page and
 * starts importing, instead of the browser's default of opening the file in place of the app.
 * Returns whether files are being dragged over the window, for a highlight.
 */
export function useWindowDrop(): boolean {
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the window is left when they balance.
    let depth = 0
    function onDragEnter(event: DragEvent): void {
      if (!carriesFiles(event)) return
      depth += 1
      setDragging(true)
    }
    function onDragLeave(event: DragEvent): void {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    function onDragOver(event: DragEvent): void {
      if (!carriesFiles(event) || !event.dataTransfer) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
    function onDrop(event: DragEvent): void {
      depth = 0
      setDragging(false)
      if (!carriesFiles(event) || !event.dataTransfer) return
      event.preventDefault()
      // Read now: the DataTransfer is emptied once this handler returns.
      const files = readDrop(event.dataTransfer, !filesHaveLocalPaths())
      navigate('import')
      importFiles(files)
    }
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  return dragging
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}
