import { Fragment, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Panel } from '../../components/Panel'
import { useScoringRules, type RuleData, type RulesSaveResult } from '../../hooks/use-scoring-rules'
import { copyId, ruleProblems, ruleText } from './rule-errors'
import { RulesJsonEditor } from './RulesJsonEditor'
import { RulesRestore } from './RulesRestore'

/** The open editor: a saved rule's JSON, or a new rule's to insert at `index`. */
type Draft = { mode: 'edit' | 'new'; index: number; text: string; title: string }

/** Problems by row: `rule-<index in the saved set>`, or `draft` for a new rule. */
type Problems = ReadonlyMap<string, readonly string[]>

const draftRow = 'draft'
const noProblems: Problems = new Map()

/** The rules detector's rules: switch them on and off, edit their JSON, duplicate, delete. */
export function RulesSection({ readOnly }: { readOnly: boolean }) {
  const rules = useScoringRules()
  const [draft, setDraft] = useState<Draft | undefined>(undefined)
  const [problems, setProblems] = useState<Problems>(noProblems)
  const [confirmDelete, setConfirmDelete] = useState<number | undefined>(undefined)
  const [savedNote, setSavedNote] = useState<string | undefined>(undefined)
  // A switched rule shows its new state while the set is being saved; a refusal puts it back.
  const [switched, setSwitched] = useState<readonly RuleData[] | undefined>(undefined)
  const saved = rules.rules

  if (rules.loadError) return <Panel title="Rules"><ErrorBanner title="Could not read the rules" error={rules.loadError} onRetry={rules.reload} /></Panel>
  if (!saved) return <Panel title="Rules"><Loading label="Reading the rules" lines={6} /></Panel>

  const locked = readOnly || rules.busy
  const enabledCount = saved.filter((rule) => rule.enabled !== false).length

  /** Sends a whole rule set; `rowOf` says which row each submitted rule is shown in. */
  async function submit(list: readonly RuleData[], rowOf: (index: number) => string, focusRow: string, note: string): Promise<boolean> {
    setSavedNote(undefined)
    const result = await rules.save(list)
    if (result.ok) {
      setProblems(noProblems)
      setSavedNote(note)
      return true
    }
    const found = result.error.code === 'bad_request' ? ruleProblems(result.error.message, list) : { byIndex: new Map<number, string[]>(), general: [result.error.message] }
    const byRow = new Map<string, string[]>()
    for (const [index, messages] of found.byIndex) byRow.set(rowOf(index), [...(byRow.get(rowOf(index)) ?? []), ...messages])
    // Whatever names no rule is still about the change just made.
    if (found.general.length > 0) byRow.set(focusRow, [...(byRow.get(focusRow) ?? []), ...found.general])
    setProblems(byRow)
    return false
  }

  async function saveDraft(current: Draft): Promise<void> {
    const row = current.mode === 'new' ? draftRow : `rule-${current.index}`
    let parsed: unknown
    try {
      parsed = JSON.parse(current.text)
    } catch (error) {
      setProblems(new Map([[row, [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`]]]))
      return
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setProblems(new Map([[row, ['A rule is one JSON object: { "id": …, "kind": …, … }']]]))
      return
    }
    const rule = parsed as RuleData
    const list = [...saved!]
    if (current.mode === 'edit') list[current.index] = rule
    else list.splice(current.index, 0, rule)
    const rowOf = (index: number): string => {
      if (current.mode === 'edit') return `rule-${index}`
      if (index === current.index) return draftRow
      return `rule-${index > current.index ? index - 1 : index}`
    }
    if (await submit(list, rowOf, row, `Saved ${ruleText(rule, 'id') || 'the rule'}.`)) setDraft(undefined)
  }

  function toggle(index: number): void {
    const rule = saved![index]!
    const enabled = rule.enabled === false
    const list = saved!.map((candidate, position) => (position === index ? { ...candidate, enabled } : candidate))
    setSwitched(list)
    void submit(list, (position) => `rule-${position}`, `rule-${index}`, `${ruleText(rule, 'id')} ${enabled ? 'switched on' : 'switched off'}.`).finally(() =>
      setSwitched(undefined),
    )
  }

  function remove(index: number): void {
    setConfirmDelete(undefined)
    const list = saved!.filter((_, position) => position !== index)
    void submit(list, (position) => `rule-${position >= index ? position + 1 : position}`, `rule-${index}`, `Deleted ${ruleText(saved![index]!, 'id')}.`)
  }

  async function restore(): Promise<RulesSaveResult> {
    setSavedNote(undefined)
    const result = await rules.restoreDefaults()
    if (result.ok) {
      setProblems(noProblems)
      setSavedNote('Restored the default rules.')
    }
    return result
  }

  function open(next: Draft): void {
    setProblems(noProblems)
    setConfirmDelete(undefined)
    setDraft(next)
  }

  function duplicate(index: number): void {
    const original = saved![index]!
    const copy = { ...original, id: copyId(ruleText(original, 'id'), saved!), description: `${ruleText(original, 'description')} (copy)` }
    open({ mode: 'new', index: index + 1, text: JSON.stringify(copy, null, 2), title: `New rule, copied from ${ruleText(original, 'id')}` })
  }

  const editor = (current: Draft, name: string) => (
    <tr className="rules-editor-row">
      <td colSpan={6}>
        <RulesJsonEditor
          name={name}
          title={current.title}
          text={current.text}
          onTextChange={(text) => setDraft({ ...current, text })}
          problems={problems.get(current.mode === 'new' ? draftRow : `rule-${current.index}`) ?? []}
          saveLabel={current.mode === 'new' ? 'Add rule' : 'Save rule'}
          busy={rules.busy}
          onSave={() => void saveDraft(current)}
          onCancel={() => {
            setProblems(noProblems)
            setDraft(undefined)
          }}
        />
      </td>
    </tr>
  )

  return (
    <Panel
      title="Rules"
      aside={
        <span className="muted numeric">
          {enabledCount} of {saved.length} on
        </span>
      }
    >
      <p className="hint">
        Deterministic checks behind the rules detector. Each save replaces the whole set; the engine validates it, records it in the audit log and
        rescores.
      </p>
      {saved.length === 0 ? <EmptyState title="No rules">The rules detector scores every day 0 until rules are added.</EmptyState> : null}
      {saved.length > 0 ? (
        <table className="rules-table">
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Rule</th>
              <th scope="col">Kind</th>
              <th scope="col">Technique</th>
              <th scope="col" className="numeric">
                Severity
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(switched ?? saved).map((rule, index) => {
              const id = ruleText(rule, 'id')
              const rowProblems = problems.get(`rule-${index}`) ?? []
              const editing = draft?.mode === 'edit' && draft.index === index
              return (
                <Fragment key={`${index} ${id}`}>
                  {draft?.mode === 'new' && draft.index === index ? editor(draft, 'the new rule') : null}
                  <tr className={rule.enabled === false ? 'rules-row rules-off' : 'rules-row'} aria-invalid={rowProblems.length > 0 || undefined}>
                    <td>
                      <input
                        type="checkbox"
                        checked={rule.enabled !== false}
                        onChange={() => toggle(index)}
                        disabled={locked || draft !== undefined}
                        aria-label={`Rule ${id} on`}
                      />
                    </td>
                    <td>
                      <span className="mono rules-id">{id}</span>
                      <span className="rules-description">{ruleText(rule, 'description')}</span>
                      {!editing && rowProblems.length > 0 ? (
                        <ul className="rules-problems" role="alert">
                          {rowProblems.map((problem) => (
                            <li key={problem}>{problem}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="mono">{ruleText(rule, 'kind')}</td>
                    <td className="mono">{ruleText(rule, 'technique') || '—'}</td>
                    <td className="numeric">{ruleText(rule, 'severity')}</td>
                    <td className="rules-actions">
                      {confirmDelete === index ? (
                        <>
                          <button type="button" className="button button-danger" onClick={() => remove(index)} disabled={locked}>
                            Delete {id}
                          </button>
                          <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(undefined)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <>
                          <button type="button" className="button" onClick={() => open({ mode: 'edit', index, text: JSON.stringify(rule, null, 2), title: `Editing ${id}` })} disabled={locked || draft !== undefined} aria-label={`Edit ${id}`}>
                            Edit
                          </button>
                          <button type="button" className="button" onClick={() => duplicate(index)} disabled={locked || draft !== undefined} aria-label={`Duplicate ${id}`}>
                            Duplicate
                          </button>
                          <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(index)} disabled={locked || draft !== undefined} aria-label={`Delete ${id}`}>
                            Delete
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                  {editing ? editor(draft, id) : null}
                </Fragment>
              )
            })}
            {draft?.mode === 'new' && draft.index === saved.length ? editor(draft, 'the new rule') : null}
          </tbody>
        </table>
      ) : null}
      <div className="settings-actions">
        <RulesRestore count={saved.length} disabled={locked || draft !== undefined} onRestore={restore} />
        {savedNote ? (
          <span className="settings-saved" role="status">
            {savedNote} Rescoring shortly.
          </span>
        ) : null}
        {readOnly ? <span className="hint">This workspace is open read-only.</span> : null}
      </div>
    </Panel>
  )
}
