import type { KeyboardEvent } from 'react'

/**
 * Arrow keys, Home and End for tables whose rows take focus with a roving tabindex: moves focus
 * to the next, previous, first or last row. Returns whether the key was one of those.
 */
export function moveRowFocus(event: KeyboardEvent<HTMLTableRowElement>): boolean {
  const row = event.currentTarget
  const body = row.parentElement
  let target: Element | null | undefined
  if (event.key === 'ArrowDown') target = row.nextElementSibling
  else if (event.key === 'ArrowUp') target = row.previousElementSibling
  else if (event.key === 'Home') target = body?.firstElementChild
  else if (event.key === 'End') target = body?.lastElementChild
  else return false
  // Always swallow the key: at either end the page should not scroll away from the table.
  event.preventDefault()
  if (target instanceof HTMLElement) target.focus()
  return true
}
