// Schemas of the Alertmanager integration: the rules that turn alerts into incidents (admins), and
// the webhook payload Alertmanager sends (version 4), of which we read what we use.
import { z } from 'zod'
import { Id, Instant, named } from './schemas.ts'

const LabelSet = z.record(z.string().min(1).max(200), z.string().max(1000))

export const AlertRuleRequest = named('AlertRuleRequest', 'An alert whose labels include all of `matchers` affects the component with the impact type, at the severity that `severityByLabel` gives its `severity` label, else at `severity`; PATCH takes any subset.', z.strictObject({
  matchers: LabelSet.refine(matchers => Object.keys(matchers).length > 0, 'needs at least one label'),
  componentId: Id,
  impactType: Id,
  severity: z.int().min(1).max(100),
  severityByLabel: z.record(z.string().min(1).max(100), z.int().min(1).max(100)).optional(),
}))

export const AlertRuleResponseData = named('AlertRuleResponseData', 'A rule that turns alerts into incidents.', AlertRuleRequest.extend({
  id: Id,
  severityByLabel: z.record(z.string(), z.int()),
}))

const Alert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: LabelSet,
  annotations: LabelSet.optional(),
  startsAt: Instant.optional(),
  endsAt: z.string().optional(),
  fingerprint: z.string().optional(),
})

export const AlertmanagerPayload = named('AlertmanagerPayload', 'Alertmanager\'s webhook payload, version 4. One alert group per request: its firing alerts open or update one incident, and when none fires any more it resolves.', z.object({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(2000),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().optional(),
  groupLabels: LabelSet.optional(),
  commonLabels: LabelSet.optional(),
  commonAnnotations: LabelSet.optional(),
  externalURL: z.string().optional(),
  alerts: z.array(Alert).max(1000),
}))

export const AlertOutcome = named('AlertOutcome', 'What the alert group did: `opened`, `updated` or `resolved` an incident, or `ignored` when no rule matched a firing alert or nothing was open to resolve.', z.strictObject({
  outcome: z.enum(['opened', 'updated', 'resolved', 'ignored']),
  incidentId: Id.optional(),
}))

export type AlertRuleInput = z.infer<typeof AlertRuleRequest>
export type AlertmanagerPayloadData = z.infer<typeof AlertmanagerPayload>
