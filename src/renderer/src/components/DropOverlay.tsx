export interface DropOverlayProps {
  visible: boolean
}

/** Says what a drop will do while files are dragged over any page; it never takes the drop itself. */
export function DropOverlay({ visible }: DropOverlayProps) {
  if (!visible) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <span className="drop-icon" />
        <strong>Drop to import</strong>
        <span className="muted">Files, folders and archives open on the Import page</span>
      </div>
    </div>
  )
}
