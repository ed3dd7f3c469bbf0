// Health beacons: managed by whoever may write incidents; beaten by anyone who holds a beacon's
// secret URL (a cron job with curl). Beside them, taking over an incident that opened itself.
import { z } from 'zod'
import { BeaconRequest, BeaconResponseData, BeaconToken, BeatQuery, IncidentAutomation } from '../beacon-schemas.ts'
import { body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem, queryParameter } from '../operation.ts'
import { Id } from '../schemas.ts'

const beaconId = { beaconId: pathParameter(Id, 'Health beacon ID.') }
const token = { token: pathParameter(BeaconToken, 'The secret of the beacon\'s URL.', 'text') }
// Managed in the admin area (and by API clients with a read-write token).
const tags = ['admin']
const incidentId = { incidentId: pathParameter(Id, 'Incident ID.') }
const beatQuery = {
  schema: BeatQuery,
  parameters: [queryParameter('status', { type: 'string', enum: ['up', 'down', 'degraded'] }, '`up` (the default) resolves the beacon\'s incident; `down` opens one at the beacon\'s severity, `degraded` at half of it.')],
}
const beatResponses = { ...noContent, 400: problem('An unknown status.'), 404: problem('No beacon has this URL.') }

export const beaconOperations = defineOperations({
  getBeacons: {
    method: 'get', path: '/health-beacons', tags, access: 'writer',
    summary: 'List the health beacons, with their URLs and states.',
    responses: { 200: data('The beacons.', z.array(BeaconResponseData)) },
  },
  createBeacon: {
    method: 'post', path: '/health-beacons', tags, access: 'writer', changesPublicData: false,
    summary: 'Create a health beacon on a component; its check starts now.',
    body: body(BeaconRequest, 'The beacon.'),
    responses: { 201: created('The beacon, with the URL to call.', BeaconResponseData), 400: problem('Invalid body, or an unknown component or impact type.') },
  },
  updateBeacon: {
    method: 'patch', path: '/health-beacons/{beaconId}', tags, access: 'writer', changesPublicData: false, params: beaconId,
    summary: 'Change a health beacon.',
    body: changes(BeaconRequest, 'The fields to change.'),
    responses: { ...noContent, 400: problem('Invalid body, or an unknown component or impact type.'), ...notFound },
  },
  deleteBeacon: {
    method: 'delete', path: '/health-beacons/{beaconId}', tags, access: 'writer', changesPublicData: false, params: beaconId,
    summary: 'Remove a health beacon; an incident it opened stays for an operator to resolve.',
    responses: { ...noContent, ...notFound },
  },
  beatGet: {
    method: 'get', path: '/beacons/{token}', tags: ['beacons'], access: 'anyone', params: token, query: beatQuery,
    summary: 'A beat, for a cron job or monitor (the same as POST).',
    responses: beatResponses,
  },
  beat: {
    method: 'post', path: '/beacons/{token}', tags: ['beacons'], access: 'anyone', params: token, query: beatQuery,
    summary: 'A beat: the beacon is alive, or says it is `down` or `degraded`.',
    responses: beatResponses,
  },
  getIncidentAutomation: {
    method: 'get', path: '/incidents/{incidentId}/automation', tags, access: 'writer', params: incidentId,
    summary: 'Whether an incident opened itself, and whether an operator has taken it over.',
    responses: { 200: data('The incident\'s source.', IncidentAutomation), ...notFound },
  },
  takeOverIncident: {
    method: 'post', path: '/incidents/{incidentId}/takeover', tags, access: 'writer', params: incidentId,
    summary: 'Take over an incident that opened itself (from a health beacon or an alert): its source no longer updates or resolves it.',
    responses: { ...noContent, ...notFound },
  },
})
