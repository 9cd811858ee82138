import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ErrorShape } from '../../../shared/errors'
import type { Severity } from '../../../shared/severity'

/** One thing the palette can jump to. */
export interface PaletteItem {
  /** Unique among the items; also the option's DOM id suffix. */
  key: string
  group: 'Pages' | 'Users' | 'Alerts'
  label: string
  /** A second, quieter line: risk, date, anomaly types. */
  detail?: string
  severity?: Severity
  /** Where choosing it goes: a `#/…` route. */
  href: string
}

export interface PaletteDialogProps {
  text: string
  onTextChange: (text: string) => void
  items: readonly PaletteItem[]
  /** Answers for the typed text are on their way. */
  loading: boolean
  error: Pick<ErrorShape, 'code' | 'message'> | undefined
  onChoose: (item: PaletteItem) => void
  onClose: () => void
}

/**
 * The command palette's modal: a search box driving a listbox (combobox pattern, the options
 * never take focus), arrow keys and Enter to choose, Escape or a click outside to close, and Tab
 * kept inside the dialog.
 */
export function PaletteDialog({ text, onTextChange, items, loading, error, onChoose, onClose }: PaletteDialogProps) {
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  // The highlighted option, remembered by key so results arriving underneath do not move it.
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined)
  const activeIndex = Math.max(0, items.findIndex((item) => item.key === activeKey))
  const active = items[activeIndex]
  const optionId = (item: PaletteItem): string => `${id}option-${item.key}`

  useEffect(() => {
    input.current?.focus()
    // Modal: focus that escapes (a click on the page behind, a screen reader's jump) comes back.
    function keepFocus(event: FocusEvent): void {
      if (event.target instanceof Node && !dialog.current?.contains(event.target)) input.current?.focus()
    }
    document.addEventListener('focusin', keepFocus)
    return () => document.removeEventListener('focusin', keepFocus)
  }, [])

  const activeOptionId = active ? optionId(active) : undefined
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' })
  }, [activeOptionId])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (items.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActiveKey(items[(activeIndex + step + items.length) % items.length]!.key)
    } else if (event.key === 'Enter' && active) {
      event.preventDefault()
      onChoose(active)
    } else if (event.key === 'Tab') {
      trapTab(event, dialog.current)
    }
  }

  const groups = [...new Set(items.map((item) => item.group))]
  let status: string
  if (error) status = `Search failed: ${error.message}`
  else if (loading) status = 'Searching…'
  else if (text.trim() !== '' && items.length === 0) status = `Nothing matches “${text.trim()}”.`
  else if (text.trim() !== '') status = `${items.length} result${items.length === 1 ? '' : 's'}`
  else status = 'Type part of a user name to find users and their alerts.'

  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={dialog} className="palette" role="dialog" aria-modal="true" aria-label="Command palette" tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="palette-search">
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls={`${id}list`}
            aria-activedescendant={activeOptionId}
            aria-autocomplete="list"
            aria-label="Jump to a page, user or alert"
            placeholder="Jump to a page, user or alert…"
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(event) => onTextChange(event.currentTarget.value)}
          />
          <kbd className="palette-key">Esc</kbd>
        </div>
        <div id={`${id}list`} role="listbox" aria-label="Results" className="palette-results">
          {groups.map((group) => (
            <div key={group} role="group" aria-labelledby={`${id}group-${group}`}>
              <div id={`${id}group-${group}`} className="palette-group" role="presentation">
                {group}
              </div>
              {items
                .filter((item) => item.group === group)
                .map((item) => (
                  <div
                    key={item.key}
                    id={optionId(item)}
                    role="option"
                    aria-selected={item === active}
                    className="palette-option"
                    onMouseMove={() => item.key !== active?.key && setActiveKey(item.key)}
                    // Keeps focus (and so the keyboard) in the search box.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onChoose(item)}
                  >
                    {item.severity ? (
                      <span className="palette-badge" data-severity={item.severity}>
                        {item.severity}
                      </span>
                    ) : null}
                    <span className="palette-label">{item.label}</span>
                    {item.detail ? <span className="palette-detail">{item.detail}</span> : null}
                  </div>
                ))}
            </div>
          ))}
        </div>
        <div className="palette-footer">
          <span role="status" aria-live="polite" className={error ? 'palette-error' : undefined}>
            {status}
          </span>
          <span className="palette-hints" aria-hidden="true">
            <kbd className="palette-key">↑</kbd>
            <kbd className="palette-key">↓</kbd> move <kbd className="palette-key">Enter</kbd> open
          </span>
        </div>
      </div>
    </div>
  )
}

/** Keeps Tab and Shift-Tab cycling through the dialog's own focusable elements. */
function trapTab(event: KeyboardEvent<HTMLDivElement>, dialog: HTMLDivElement | null): void {
  if (!dialog) return
  const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href], select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (element) => !element.hasAttribute('disabled'),
  )
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  const inside = dialog.contains(document.activeElement)
  if (event.shiftKey && (document.activeElement === first || !inside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
    event.preventDefault()
    first.focus()
  }
}
