import type { ArgusHandlers } from '../../shared/contract'
import type { caseContract } from '../../shared/case-schemas'
import type { EngineContext } from '../api/handlers'
import { createCaseCalls } from './case-calls'
import { createRecordCalls } from './record-calls'
import { createTagCalls } from './tag-calls'

export type CaseHandlers = Pick<ArgusHandlers, keyof typeof caseContract>

/** Cases, notes, tags, the audit trail, exports, reports and backups, for every door. */
export function createCaseHandlers(context: EngineContext): CaseHandlers {
  const { workspace } = context
  return { ...createCaseCalls(workspace), ...createTagCalls(workspace), ...createRecordCalls(workspace, context.printPdf) }
}
