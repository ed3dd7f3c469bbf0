// Every operation of the API, keyed by operation id: the source of the OpenAPI document, the
// 404/405 table and the client's types. In the order the document lists them.
import { auditOperations, sessionOperations, templateOperations, tokenOperations, userOperations } from './admin.ts'
import { healthOperations, liveOperations } from './live.ts'
import { publicDocumentOperations, statuspageOperations } from './public.ts'
import { queueOperations } from './queue.ts'
import {
  componentOperations, impactTypeOperations, incidentOperations, phaseOperations, settingsOperations, severityOperations,
} from './scs.ts'
import { alertmanagerOperations } from './alertmanager.ts'
import { beaconOperations } from './beacons.ts'
import { subscriberOperations, subscriptionOperations } from './subscriptions.ts'
import { uptimeOperations } from './uptime.ts'
import { webhookOperations } from './webhooks.ts'

export const operations = {
  ...phaseOperations,
  ...impactTypeOperations,
  ...severityOperations,
  ...componentOperations,
  ...uptimeOperations,
  ...incidentOperations,
  ...settingsOperations,
  ...liveOperations,
  ...subscriptionOperations,
  ...beaconOperations,
  ...alertmanagerOperations,
  ...sessionOperations,
  ...userOperations,
  ...tokenOperations,
  ...templateOperations,
  ...webhookOperations,
  ...subscriberOperations,
  ...queueOperations,
  ...auditOperations,
  ...healthOperations,
  ...statuspageOperations,
  ...publicDocumentOperations,
}

export type Operations = typeof operations
export type OperationId = keyof Operations

/** Where the client sends an operation: below /api, or at the root for those with `servers`. */
type UrlOf<O> = O extends { path: infer P extends string } ? O extends { servers: unknown } ? P : `/api${P}` : never

/**
 * Method and URL of every operation (./routes.ts, written by `npm run openapi`): what the client
 * needs at run time, without the schemas. The type keeps the table in step with the definitions.
 */
export type RouteTable = { readonly [K in OperationId]: readonly [Operations[K]['method'], UrlOf<Operations[K]>] }
