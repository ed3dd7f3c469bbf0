// Every operation of the API, keyed by operation id: the source of the OpenAPI document, the
// 404/405 table and the client's types. In the order the document lists them.
import { auditOperations, sessionOperations, templateOperations, tokenOperations, userOperations } from './admin.ts'
import { healthOperations, liveOperations } from './live.ts'
import {
  componentOperations, impactTypeOperations, incidentOperations, phaseOperations, settingsOperations, severityOperations,
} from './scs.ts'

export const operations = {
  ...phaseOperations,
  ...impactTypeOperations,
  ...severityOperations,
  ...componentOperations,
  ...incidentOperations,
  ...settingsOperations,
  ...liveOperations,
  ...sessionOperations,
  ...userOperations,
  ...tokenOperations,
  ...templateOperations,
  ...auditOperations,
  ...healthOperations,
}

export type Operations = typeof operations
export type OperationId = keyof Operations
