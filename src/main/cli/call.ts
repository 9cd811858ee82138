import { dispatch } from '../api/dispatch'
import { openEngine } from '../api/engine'
import { ArgusError } from '../../shared/errors'
import { UsageError } from './usage'

/** `argus call CHANNEL [JSON]`: the contract from the command line, validated like every door. */
export async function runCall(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [channel, json, ...extra] = positionals
  if (!channel) throw new UsageError('call needs a CHANNEL, e.g. argus call workspace:info')
  if (extra.length > 0) throw new UsageError('call takes one JSON argument; quote it')
  let input: unknown = {}
  if (json !== undefined) {
    try {
      input = JSON.parse(json)
    } catch {
      throw new UsageError(`the input for ${channel} is not valid JSON`)
    }
  }
  const engine = await openEngine({ workspacePath: String(values.db), door: 'cli', workerThreads: 1 })
  try {
    const result = await dispatch(engine.handlers, channel, input)
    if (!result.ok) throw new ArgusError(result.error.code === 'unknown_call' ? 'bad_request' : result.error.code, result.error.message)
    console.log(JSON.stringify(result.value, null, 2))
    return 0
  } finally {
    await engine.close()
  }
}
