import { z } from 'zod'
import { severities } from './severity'

// The scoring part of the contract: rankings, user detail, alerts, verdicts, settings.

const pageLimit = z.number().int().min(1).max(1000).default(100)
const severity = z.enum(severities)
const detectorScores = z.object({ baseline: z.number(), markov: z.number(), iforest: z.number(), rules: z.number(), ocean: z.number() })
/** A day of the workspace's time zone, as scored days and alerts name it. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')

export const factSchema = z.object({
  detector: z.string(),
  key: z.string(),
  value: z.union([z.number(), z.string()]),
  baseline: z.number().nullable(),
  z: z.number().nullable(),
  weight: z.number(),
  text: z.string(),
})

export const userRiskSchema = z.object({
  user: z.string(),
  risk: z.number(),
  severity,
  types: z.array(z.string()),
  peerGroup: z.string(),
  days: z.number().int(),
  events: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  topDate: z.string(),
  summary: z.string(),
})

/** Keyset cursor for the ranking: the last row's (risk, user). */
export const rankCursorSchema = z.object({ risk: z.number(), user: z.string() }).strict()

export const usersQuerySchema = z
  .object({
    limit: pageLimit,
    cursor: rankCursorSchema.nullish(),
    severity: severity.optional(),
    type: z.string().min(1).max(64).optional(),
    peerGroup: z.string().min(1).max(256).optional(),
    search: z.string().min(1).max(256).optional(),
  })
  .strict()

export const scoredDaySchema = z.object({
  date: z.string(),
  risk: z.number(),
  severity,
  events: z.number().int(),
  detectors: detectorScores,
  types: z.array(z.string()),
  facts: z.array(factSchema),
  summary: z.string(),
})

const oceanVector = z.object({ openness: z.number(), conscientiousness: z.number(), extraversion: z.number(), agreeableness: z.number(), neuroticism: z.number() })

export const userDetailSchema = z.object({
  user: userRiskSchema,
  days: z.array(scoredDaySchema),
  /** OCEAN radar: the baseline period against the recent one, each trait 0–1 (0.5 typical); null while history is short. */
  ocean: z.object({ baseline: oceanVector, recent: oceanVector, drift: z.number() }).nullable(),
  profile: z.object({
    psychometric: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
    directory: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  }),
})

export const alertStatuses = ['open', 'acknowledged', 'closed'] as const
export const verdicts = ['true_positive', 'false_positive'] as const

export const alertSchema = z.object({
  id: z.number().int(),
  user: z.string(),
  date: z.string(),
  risk: z.number(),
  severity,
  types: z.array(z.string()),
  status: z.enum(alertStatuses),
  verdict: z.enum(verdicts).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})

/** Keyset cursor for alerts: the last row's (risk, id). */
export const alertCursorSchema = z.object({ risk: z.number(), id: z.number().int() }).strict()

export const alertsQuerySchema = z
  .object({
    limit: pageLimit,
    cursor: alertCursorSchema.nullish(),
    severity: severity.optional(),
    type: z.string().min(1).max(64).optional(),
    status: z.enum(alertStatuses).optional(),
    user: z.string().min(1).max(256).optional(),
    /** Alert days (the workspace's), both ends included. */
    from: daySchema.optional(),
    to: daySchema.optional(),
  })
  .strict()

export const verdictInputSchema = z
  .object({ id: z.number().int(), verdict: z.enum(verdicts).nullable().optional(), status: z.enum(alertStatuses).optional() })
  .strict()
  .refine((value) => value.verdict !== undefined || value.status !== undefined, 'give a verdict, a status or both')

export const scoringSummarySchema = z.object({
  modelVersion: z.string(),
  events: z.number().int(),
  users: z.number().int(),
  userDays: z.number().int(),
  alerts: z.number().int(),
  seconds: z.number(),
  /** True when only the newest dates were re-scored (see analysis/score-workspace.ts). */
  incremental: z.boolean(),
  /**
   * False when an incremental run added events inside the first three weeks peer groups are fitted
   * on: until a full run (the scoring service starts one shortly), its numbers can differ from one.
   */
  settled: z.boolean(),
  /** When the run began (ms since 1970): a run that began before a settings change did not see it. */
  startedAt: z.number().int(),
})

export const weightsSchema = z
  .object({ baseline: z.number().min(0), markov: z.number().min(0), iforest: z.number().min(0), rules: z.number().min(0), ocean: z.number().min(0) })
  .strict()
  .refine((weights) => Object.values(weights).some((weight) => weight > 0), 'at least one weight must be above 0')

/**
 * The engine's default weights, shown by Settings' reset. Measured on five synthetic organisations
 * (200–500 users, 30–60 days): the rules carry the attacks that barely move volumes (structuring,
 * a few new hosts), baseline the volume ones. OCEAN drift is a slow signal that night-shift
 * rotations and weekend work also move, so on logs from other generators its 0.1 lifted irregular
 * but honest people above attacks: it has 0.05, the rules the rest.
 */
export const defaultWeights: Readonly<z.output<typeof weightsSchema>> = { baseline: 0.3, markov: 0.1, iforest: 0.1, rules: 0.45, ocean: 0.05 }

/** Alerts only for days in the top share of all days' risk (e.g. 0.99: the riskiest 1 %), on top of Medium. */
export const alertPercentileSchema = z.number().min(0.5).max(0.9999).nullable()

export const scoringSettingsSchema = z.object({ weights: weightsSchema, alertPercentile: alertPercentileSchema })

export type UserRisk = z.output<typeof userRiskSchema>
export type RankCursor = z.output<typeof rankCursorSchema>
export type ScoredDayRow = z.output<typeof scoredDaySchema>
export type UserDetail = z.output<typeof userDetailSchema>
export type Alert = z.output<typeof alertSchema>
export type ScoringSummary = z.output<typeof scoringSummarySchema>
export type ScoringSettings = z.output<typeof scoringSettingsSchema>

export const detectorPrecisionSchema = z.object({
  detector: z.string(),
  /** Alerts with a verdict on which this detector scored 0.5 or more. */
  judged: z.number().int(),
  truePositives: z.number().int(),
  /** truePositives / judged; null before any verdict. */
  precision: z.number().nullable(),
})

export type DetectorPrecision = z.output<typeof detectorPrecisionSchema>

export const eventToScoreSchema = z
  .object({
    user: z.string().min(1).max(256),
    ts: z.number().int().nonnegative(),
    action: z.string().min(1).max(64),
    host: z.string().min(1).max(256).optional(),
    srcIp: z.string().min(1).max(64).optional(),
    object: z.string().min(1).max(2048).optional(),
  })
  .strict()

export const eventScoreSchema = z.object({
  /** 0–1: how unusual the event is for its user, from the workspace's history before it. */
  score: z.number(),
  /** False when the workspace holds nothing about the user before the event. */
  known: z.boolean(),
  facts: z.array(z.string()),
})

export type EventScore = z.output<typeof eventScoreSchema>

export const playbookEntrySchema = z
  .object({ risk: z.string().min(1).max(2000), impact: z.string().min(1).max(2000), action: z.string().min(1).max(2000), responseTime: z.string().min(1).max(200) })
  .strict()

export const alertDetailSchema = z.object({
  alert: alertSchema,
  /** The scored day behind the alert: detector scores, facts and summary. */
  day: scoredDaySchema.nullable(),
  playbook: z.array(z.object({ type: z.string(), entry: playbookEntrySchema })),
})

export type PlaybookEntryInput = z.output<typeof playbookEntrySchema>
export type AlertDetail = z.output<typeof alertDetailSchema>
