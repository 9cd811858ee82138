import type { ApiChannel } from '../../shared/channels'
import type { ApiInput, ApiOutput } from '../../shared/contract'
import type { ErrorShape } from '../../shared/errors'
import { dispatch } from '../api/dispatch'
import type { Engine } from '../api/engine'

/** Contract calls through the one dispatcher every door uses, for tests. */
export function callsOf(engine: Engine): {
  call<K extends ApiChannel>(channel: K, input: ApiInput<K>): Promise<ApiOutput<K>>
  refusal(channel: ApiChannel, input: unknown): Promise<ErrorShape>
} {
  return {
    async call(channel, input) {
      const result = await dispatch(engine.handlers, channel, input)
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
      return result.value as never
    },
    async refusal(channel, input) {
      const result = await dispatch(engine.handlers, channel, input)
      if (result.ok) throw new Error(`${channel} should have been refused`)
      return result.error
    },
  }
}
