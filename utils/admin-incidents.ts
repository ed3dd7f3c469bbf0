// Incidents as the admin forms edit them: a draft with the fields as inputs hold them, turned
// into the SCS request body on submit.
import type { NewTemplate, TemplateData } from '~~/openapi/admin-schemas'
import type { ComponentData, ImpactData, ImpactTypeResponse, IncidentData, NewIncident, NewIncidentUpdate, PhaseListData, SeverityData } from '~~/openapi/schemas'
import type { Messages } from '~~/shared/i18n'
import type { AdminMessages } from '~~/shared/i18n/admin'
import { changedKeys, conflictRows } from './admin-conflict'
import type { ConflictRow } from './admin-problem'
import { isMaintenance } from '~~/shared/status/incident'
import { incidentState } from '~~/shared/status/lifecycle'
import { severityRanges, type SeverityRange } from '~~/shared/status/severity'

export interface ImpactDraft {
  reference: string | null
  type: string | null
  severity: number
}

export interface IncidentDraft {
  displayName: string
  description: string
  beganAt: string | null
  endedAt: string | null
  phaseOrder: number | null
  affects: ImpactDraft[]
  /** Posted right after a new incident is opened; kept in templates. */
  firstUpdate: { displayName: string, description: string }
}

export type IncidentKind = 'incident' | 'maintenance'

/** What the incident form edits: a new incident, an existing one, or a template. */
export type IncidentFormMode = 'create' | 'edit' | 'template'

export const emptyDraft = (): IncidentDraft => ({
  displayName: '', description: '', beganAt: null, endedAt: null, phaseOrder: null, affects: [], firstUpdate: { displayName: '', description: '' },
})

export function draftOfTemplate(template: TemplateData): IncidentDraft {
  return {
    ...emptyDraft(),
    displayName: template.displayName,
    description: template.description ?? '',
    affects: template.affects.map(({ reference, type, severity }) => ({ reference, type, severity })),
    firstUpdate: { displayName: template.firstUpdate?.displayName ?? '', description: template.firstUpdate?.description ?? '' },
  }
}

// A row left incomplete goes as an empty reference, which the API refuses, naming the field.
const impactsOf = (draft: IncidentDraft): ImpactData[] =>
  draft.affects.map(impact => ({ reference: impact.reference ?? '', type: impact.type ?? '', severity: impact.severity }))

/** The first update of a draft as a request body, or undefined when it has no title. */
export function firstUpdateOf(draft: IncidentDraft): NewIncidentUpdate | undefined {
  const { displayName, description } = draft.firstUpdate
  return displayName.trim() ? { displayName, ...(description && { description }) } : undefined
}

export function templateBody(name: string, draft: IncidentDraft): NewTemplate {
  return {
    name,
    displayName: draft.displayName,
    description: draft.description,
    affects: impactsOf(draft),
    firstUpdate: firstUpdateOf(draft) ?? null,
  }
}

/** A draft of an existing incident; its phase only when it is in the newest generation. */
export function draftOf(incident: IncidentData, newestGeneration: number): IncidentDraft {
  return {
    ...emptyDraft(),
    displayName: incident.displayName,
    description: incident.description ?? '',
    beganAt: incident.beganAt,
    endedAt: incident.endedAt,
    phaseOrder: incident.phase?.generation === newestGeneration ? incident.phase.order : null,
    affects: incident.affects.map(({ reference, type, severity }) => ({ reference, type, severity })),
  }
}

/**
 * The request body for a draft. New incidents leave out what is empty (so beganAt defaults to
 * now); edits send every field, since a PATCH changes only what it names.
 */
export function incidentBody(draft: IncidentDraft, generation: number, mode: 'create' | 'edit'): NewIncident {
  const edit = mode === 'edit'
  return {
    displayName: draft.displayName,
    ...((draft.description || edit) && { description: draft.description }),
    ...(draft.beganAt && { beganAt: draft.beganAt }),
    ...((draft.endedAt || edit) && { endedAt: draft.endedAt }),
    ...(draft.phaseOrder !== null && { phase: { generation, order: draft.phaseOrder } }),
    affects: impactsOf(draft),
  }
}

/** The fields of an incident that the admin forms change, in the order the edit form shows them. */
const editedFields = ['displayName', 'description', 'beganAt', 'endedAt', 'phase', 'affects'] as const
export type IncidentField = typeof editedFields[number]

/** The fields in which an incident as it is now differs from the copy an edit started from. */
export const changedFields = (started: IncidentData, current: IncidentData): IncidentField[] => changedKeys(editedFields, started, current)

/** What the conflict view needs to put an incident's fields into words. */
export interface ConflictWords {
  texts: AdminMessages['conflict']
  formatDateTime: (iso: string) => string
  components: readonly ComponentData[]
  impactTypes: readonly ImpactTypeResponse[]
  phases: PhaseListData
}

/**
 * A conflict over an incident (a save refused with 412) as the operator sees it: for each field,
 * the value they tried to save beside the one saved now.
 */
export function incidentConflictRows(fields: readonly IncidentField[], mine: Partial<NewIncident>, current: IncidentData, words: ConflictWords): ConflictRow[] {
  const nameOf = (list: readonly { id: string, displayName: string }[], id: string) => list.find(item => item.id === id)?.displayName ?? id
  return conflictRows(fields, mine, current, {
    labels: words.texts.fields,
    none: words.texts.none,
    format: {
      beganAt: words.formatDateTime,
      endedAt: words.formatDateTime,
      phase: ({ generation, order }: { generation: number, order: number }) =>
        (generation === words.phases.generation && words.phases.phases[order]) || String(order),
      affects: (impacts: ImpactData[]) =>
        impacts.map(impact => `${nameOf(words.components, impact.reference)} (${nameOf(words.impactTypes, impact.type)}, ${impact.severity})`).join('; '),
    },
  })
}

/**
 * The severities an operator can choose for a kind of incident, each with the values it covers:
 * maintenance is exactly 0; an incident is anything above 0.
 */
export function choosableRanges(severities: readonly SeverityData[], kind: IncidentKind): SeverityRange[] {
  const ranges = severityRanges(severities)
  if (kind === 'maintenance') return ranges.filter(range => range.min === 0).map(range => ({ ...range, max: 0 }))
  return ranges.filter(range => range.max > 0).map(range => ({ ...range, min: Math.max(range.min, 1) }))
}

/** A fresh impact row: the only impact type if there is just one, the mildest severity of the kind. */
export function newImpact(kind: IncidentKind, severities: readonly SeverityData[], impactTypes: readonly ImpactTypeResponse[]): ImpactDraft {
  const type = impactTypes.length === 1 ? impactTypes[0]!.id : null
  return { reference: null, type, severity: kind === 'maintenance' ? 0 : (choosableRanges(severities, kind)[0]?.max ?? 50) }
}

/** The chip that tells an operator where an incident stands, in the public page's words. */
export function stateChip(incident: IncidentData, texts: Messages, now = Date.now()) {
  const state = incidentState(incident, now)
  const color = state === 'resolved' ? 'success' : state === 'scheduled' || isMaintenance(incident) ? 'info' : 'error'
  return { state, text: texts.incident[state], color }
}
