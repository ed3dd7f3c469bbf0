// The operations of the SCS status page API 1.1.2 (same paths, operation ids and status codes),
// plus the page settings, an extension of SCS.
import { z } from 'zod'
import {
  body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem, queryParameter, readErrors,
} from '../operation.ts'
import {
  AtQuery, ComponentRequest, ComponentResponseData, DisplayName, Generation, GenerationQuery, Id, IdField,
  ImpactTypeRequest, ImpactTypeResponseData, Incremental, IncidentRequest, IncidentResponseData, IncidentUpdateRequest,
  IncidentUpdateResponseData, IncidentWindowQuery, Order, PhaseList, PhaseListResponseData, Settings, SettingsPatch,
  Severity, SeverityRequest,
} from '../schemas.ts'

const componentId = { componentId: pathParameter(Id, 'Component ID.') }
const impactTypeId = { impactTypeId: pathParameter(Id, 'Impact type ID.') }
const incidentId = { incidentId: pathParameter(Id, 'Incident ID.') }
const updateOrder = { ...incidentId, updateOrder: pathParameter(Incremental, 'Order of the incident update.', 'order') }
const severityName = { severityName: pathParameter(DisplayName, 'Severity name.', 'text') }
const at = {
  schema: AtQuery,
  parameters: [queryParameter('at', { type: 'string', format: 'date-time' }, 'Reference time for `activelyAffectedBy`; default now.')],
}
const anySubset = 'The fields to change (any subset).'

export const phaseOperations = defineOperations({
  getPhaseList: {
    method: 'get', path: '/phases', tags: ['phase'], access: 'anyone',
    summary: 'Get the newest generation of the phase list, or the one asked for.',
    query: {
      schema: GenerationQuery,
      parameters: [queryParameter('generation', { type: 'integer', minimum: 1 }, 'Generation to get; default the newest. Before any list exists the newest is generation 0 with no phases.')],
    },
    responses: { 200: data('The phase list.', PhaseListResponseData), ...readErrors, ...notFound },
  },
  createPhaseList: {
    method: 'post', path: '/phases', tags: ['phase'], access: 'writer',
    summary: 'Create a new generation of the phase list.',
    body: body(PhaseList, 'The new phase list.'),
    responses: { 201: created('The new generation.', Generation) },
  },
})

export const impactTypeOperations = defineOperations({
  getImpactTypes: {
    method: 'get', path: '/impacttypes', tags: ['impact'], access: 'anyone',
    summary: 'Get a list of impact types.',
    responses: { 200: data('The impact types.', z.array(ImpactTypeResponseData)) },
  },
  createImpactType: {
    method: 'post', path: '/impacttypes', tags: ['impact'], access: 'writer',
    summary: 'Create a new impact type.',
    body: body(ImpactTypeRequest, 'The impact type.'),
    responses: { 201: created('The id of the new impact type.', IdField) },
  },
  getImpactType: {
    method: 'get', path: '/impacttypes/{impactTypeId}', tags: ['impact'], access: 'anyone', params: impactTypeId, entityTag: ImpactTypeResponseData,
    summary: 'Get a specific impact type by id.',
    responses: { 200: data('The impact type.', ImpactTypeResponseData), ...readErrors, ...notFound },
  },
  updateImpactType: {
    method: 'patch', path: '/impacttypes/{impactTypeId}', tags: ['impact'], access: 'writer', params: impactTypeId, entityTag: ImpactTypeResponseData,
    summary: 'Update a specific impact type; omitted fields stay.',
    body: changes(ImpactTypeRequest, anySubset),
    responses: { ...noContent, ...notFound },
  },
  deleteImpactType: {
    method: 'delete', path: '/impacttypes/{impactTypeId}', tags: ['impact'], access: 'writer', params: impactTypeId, entityTag: ImpactTypeResponseData,
    summary: 'Delete an impact type that no impact uses.',
    responses: { ...noContent, ...notFound, 409: problem('Impacts still use the impact type.') },
  },
})

export const severityOperations = defineOperations({
  getSeverities: {
    method: 'get', path: '/severities', tags: ['impact'], access: 'anyone',
    summary: 'Get the list of severities, by ascending value.',
    responses: { 200: data('The severities.', z.array(Severity)) },
  },
  // SCS answers a created severity with 204: its name is its identity.
  createSeverity: {
    method: 'post', path: '/severities', tags: ['impact'], access: 'writer',
    summary: 'Create a new severity.',
    body: body(SeverityRequest, 'The severity; name and value must both be unused.'),
    responses: { ...noContent, 409: problem('The name or the value is taken.') },
  },
  getSeverity: {
    method: 'get', path: '/severities/{severityName}', tags: ['impact'], access: 'anyone', params: severityName, entityTag: Severity,
    summary: 'Get a specific severity by its name.',
    responses: { 200: data('The severity.', Severity), ...notFound },
  },
  updateSeverity: {
    method: 'patch', path: '/severities/{severityName}', tags: ['impact'], access: 'writer', params: severityName, entityTag: Severity,
    summary: 'Update a specific severity; omitted fields stay.',
    body: changes(SeverityRequest, anySubset),
    responses: { ...noContent, ...notFound, 409: problem('The new name or value is taken.') },
  },
  deleteSeverity: {
    method: 'delete', path: '/severities/{severityName}', tags: ['impact'], access: 'writer', params: severityName, entityTag: Severity,
    summary: 'Delete a specific severity.',
    responses: { ...noContent, ...notFound },
  },
})

export const componentOperations = defineOperations({
  getComponents: {
    method: 'get', path: '/components', tags: ['component'], access: 'anyone', query: at,
    summary: 'Get a list of components.',
    responses: { 200: data('The components.', z.array(ComponentResponseData)), ...readErrors },
  },
  createComponent: {
    method: 'post', path: '/components', tags: ['component'], access: 'writer',
    summary: 'Create a new component.',
    body: body(ComponentRequest, 'The component.'),
    responses: { 201: created('The id of the new component.', IdField) },
  },
  getComponent: {
    method: 'get', path: '/components/{componentId}', tags: ['component'], access: 'anyone', params: componentId, query: at, entityTag: ComponentResponseData,
    summary: 'Get a specific component by id.',
    responses: { 200: data('The component.', ComponentResponseData), ...readErrors, ...notFound },
  },
  updateComponent: {
    method: 'patch', path: '/components/{componentId}', tags: ['component'], access: 'writer', params: componentId, entityTag: ComponentResponseData,
    summary: 'Update a component; omitted fields stay.',
    body: changes(ComponentRequest, anySubset),
    responses: { ...noContent, ...notFound },
  },
  deleteComponent: {
    method: 'delete', path: '/components/{componentId}', tags: ['component'], access: 'writer', params: componentId, entityTag: ComponentResponseData,
    summary: 'Delete a component and the impacts on it.',
    responses: { ...noContent, ...notFound },
  },
})

export const incidentOperations = defineOperations({
  getIncidents: {
    method: 'get', path: '/incidents', tags: ['incident'], access: 'anyone',
    summary: 'Get the incidents whose time span overlaps a time frame, ongoing ones included.',
    query: {
      schema: IncidentWindowQuery,
      parameters: [
        queryParameter('start', { type: 'string', format: 'date-time' }, 'Start of the time frame (RFC 3339).', true),
        queryParameter('end', { type: 'string', format: 'date-time' }, 'End of the time frame (RFC 3339), not before start.', true),
      ],
    },
    responses: { 200: data('The incidents, by ascending beganAt.', z.array(IncidentResponseData)), ...readErrors },
  },
  createIncident: {
    method: 'post', path: '/incidents', tags: ['incident'], access: 'writer',
    summary: 'Create a new incident.',
    body: body(IncidentRequest, 'The incident.'),
    responses: { 201: created('The id of the new incident.', IdField) },
  },
  getIncident: {
    method: 'get', path: '/incidents/{incidentId}', tags: ['incident'], access: 'anyone', params: incidentId, entityTag: IncidentResponseData,
    summary: 'Get a specific incident by id.',
    responses: { 200: data('The incident.', IncidentResponseData), ...readErrors, ...notFound },
  },
  updateIncident: {
    method: 'patch', path: '/incidents/{incidentId}', tags: ['incident'], access: 'writer', params: incidentId, entityTag: IncidentResponseData,
    summary: 'Update an incident; omitted fields stay, `affects` replaces all impacts.',
    body: changes(IncidentRequest, anySubset),
    responses: { ...noContent, ...notFound },
  },
  deleteIncident: {
    method: 'delete', path: '/incidents/{incidentId}', tags: ['incident'], access: 'writer', params: incidentId, entityTag: IncidentResponseData,
    summary: 'Delete an incident with its updates and impacts.',
    responses: { ...noContent, ...notFound },
  },
  getIncidentUpdates: {
    method: 'get', path: '/incidents/{incidentId}/updates', tags: ['incident'], access: 'anyone', params: incidentId,
    summary: 'Get the updates of an incident, by ascending order.',
    responses: { 200: data('The updates.', z.array(IncidentUpdateResponseData)), ...readErrors, ...notFound },
  },
  createIncidentUpdate: {
    method: 'post', path: '/incidents/{incidentId}/updates', tags: ['incident'], access: 'writer', params: incidentId,
    summary: 'Create a new update to an incident.',
    body: body(IncidentUpdateRequest, 'The update.'),
    responses: { 201: created('The order of the new update.', Order), ...notFound },
  },
  getIncidentUpdate: {
    method: 'get', path: '/incidents/{incidentId}/updates/{updateOrder}', tags: ['incident'], access: 'anyone', params: updateOrder, entityTag: IncidentUpdateResponseData,
    summary: 'Get a specific update of an incident.',
    responses: { 200: data('The update.', IncidentUpdateResponseData), ...readErrors, ...notFound },
  },
  updateIncidentUpdate: {
    method: 'patch', path: '/incidents/{incidentId}/updates/{updateOrder}', tags: ['incident'], access: 'writer', params: updateOrder, entityTag: IncidentUpdateResponseData,
    summary: 'Update an incident update; omitted fields stay.',
    body: changes(IncidentUpdateRequest, anySubset),
    responses: { ...noContent, ...notFound },
  },
  deleteIncidentUpdate: {
    method: 'delete', path: '/incidents/{incidentId}/updates/{updateOrder}', tags: ['incident'], access: 'writer', params: updateOrder, entityTag: IncidentUpdateResponseData,
    summary: 'Delete an incident update.',
    responses: { ...noContent, ...notFound },
  },
})

export const settingsOperations = defineOperations({
  getSettings: {
    method: 'get', path: '/settings', tags: ['settings'], access: 'anyone', entityTag: Settings,
    summary: 'Get the settings of the public page (an extension of SCS).',
    responses: { 200: data('The settings, defaults filled in.', Settings) },
  },
  // Admins, not editors, change how the public page looks; read-write tokens may, for automation.
  updateSettings: {
    method: 'patch', path: '/settings', tags: ['settings'], access: 'admin', entityTag: Settings,
    summary: 'Change settings of the public page; omitted ones stay. Needs an admin\'s session or `STATUS_PAGE_ADMIN_TOKEN`.',
    body: body(SettingsPatch, 'The settings to change (any subset).'),
    responses: { ...noContent },
  },
})
