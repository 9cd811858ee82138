import type { Tag } from '../../shared/case-schemas'
import type { Severity } from '../../shared/severity'
import { escapeHtml } from './html'

// Small HTML pieces the report's sections share. Arguments named `html` are already markup;
// everything else is text and is escaped here.

export interface Column {
  label: string
  /** Numbers align right; numbers and times never wrap. */
  kind?: 'number' | 'time'
}

/** A table with a repeating header row; cells are markup. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cellClass = (column: Column | undefined): string => (column?.kind ? ` class="${column.kind}"` : '')
  const head = columns.map((column) => `<th${cellClass(column)}>${escapeHtml(column.label)}</th>`).join('')
  const body = rows.map((row) => `<tr>${row.map((cell, index) => `<td${cellClass(columns[index])}>${cell}</td>`).join('')}</tr>`).join('\n')
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/** Label → markup pairs as a two-column list. */
export function factList(entries: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${entries.map(([label, html]) => `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`).join('')}</dl>`
}

export function severityBadge(severity: Severity): string {
  return `<span class="badge ${severity}">${severity[0]!.toUpperCase()}${severity.slice(1)}</span>`
}

/** The tags on one target, as chips; empty markup when there are none. */
export function tagChips(tags: readonly Tag[], target: Tag['target'], key: string): string {
  return tags
    .filter((tag) => tag.target === target && tag.key === key)
    .map((tag) => `<span class="tag">${escapeHtml(tag.tag)}</span>`)
    .join('')
}

/** Anomaly types as readable words: `lateral_movement` → `lateral movement`. */
export function typeList(types: readonly string[]): string {
  return types.length === 0 ? '<span class="muted">none</span>' : escapeHtml(types.map((type) => type.replaceAll('_', ' ')).join(', '))
}

/** Fallback text for an empty section, so a reader sees that nothing is missing by accident. */
export function emptyNote(text: string): string {
  return `<p class="muted">${escapeHtml(text)}</p>`
}
