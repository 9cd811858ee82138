/**
 * The names of every call and pushed event, free of any dependency so the sandboxed preload can
 * import them. `contract.ts` is typed against these lists, so the two cannot drift apart.
 */
export const apiChannels = [
  'app:health',
  'workspace:info',
  'workspace:setTimeZone',
  'workspace:setDefaultYear',
  'imports:list',
  'events:list',
  'imports:start',
  'imports:cancel',
  'imports:jobs',
  'imports:rejects',
  'imports:formats',
  'syslog:start',
  'syslog:stop',
  'syslog:status',
  'scoring:run',
  'scoring:settings',
  'scoring:setWeights',
  'scoring:setAlertPercentile',
  'scoring:rules',
  'scoring:setRules',
  'scoring:resetRules',
  'scoring:precision',
  'scoring:scoreEvent',
  'users:listRisky',
  'users:detail',
  'alerts:list',
  'alerts:verdict',
  'alerts:detail',
  'alerts:stats',
  'scoring:playbook',
  'scoring:setPlaybookEntry',
  'stats:eventsPerDay',
  'stats:weekHours',
  'cases:list',
  'cases:create',
  'cases:rename',
  'cases:setStatus',
  'cases:detail',
  'cases:attach',
  'cases:detach',
  'cases:addNote',
  'cases:editNote',
  'cases:noteHistory',
  'cases:pinnedEvents',
  'tags:list',
  'tags:add',
  'tags:remove',
  'audit:list',
  'audit:verify',
  'exports:alerts',
  'exports:events',
  'reports:case',
  'workspace:backup',
] as const
export type ApiChannel = (typeof apiChannels)[number]

export const eventChannels = ['job:progress', 'workspace:changed', 'ingest:progress', 'ingest:finished', 'syslog:status', 'scoring:progress', 'scoring:finished', 'alerts:new'] as const
export type EventChannel = (typeof eventChannels)[number]

export function isApiChannel(name: string): name is ApiChannel {
  return (apiChannels as readonly string[]).includes(name)
}

export function isEventChannel(name: string): name is EventChannel {
  return (eventChannels as readonly string[]).includes(name)
}
