// Prometheus Alertmanager: its webhook, called with a read-write token, and the rules that admins
// set to turn alerts into incidents.
import { z } from 'zod'
import { AlertmanagerPayload, AlertOutcome, AlertRuleRequest, AlertRuleResponseData } from '../alertmanager-schemas.ts'
import { body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem } from '../operation.ts'
import { Id } from '../schemas.ts'

const ruleId = { ruleId: pathParameter(Id, 'Alert rule ID.') }
const tags = ['admin']
const invalid = { 400: problem('Invalid body, or an unknown component or impact type.') }

export const alertmanagerOperations = defineOperations({
  receiveAlerts: {
    method: 'post', path: '/integrations/alertmanager', tags: ['integrations'], access: 'writer',
    summary: 'Alertmanager\'s webhook (payload version 4): an alert group opens, updates or resolves one incident on the components the alert rules match.',
    body: body(AlertmanagerPayload, 'The notification Alertmanager sends.'),
    responses: { 200: data('What the notification did.', AlertOutcome), 400: problem('Not an Alertmanager payload of version 4.') },
  },
  getAlertRules: {
    method: 'get', path: '/alert-rules', tags, access: 'admin',
    summary: 'List the rules that turn alerts into incidents.',
    responses: { 200: data('The rules.', z.array(AlertRuleResponseData)) },
  },
  createAlertRule: {
    method: 'post', path: '/alert-rules', tags, access: 'admin', changesPublicData: false,
    summary: 'Add a rule that turns alerts into incidents.',
    body: body(AlertRuleRequest, 'The rule.'),
    responses: { 201: created('The rule.', AlertRuleResponseData), ...invalid },
  },
  updateAlertRule: {
    method: 'patch', path: '/alert-rules/{ruleId}', tags, access: 'admin', changesPublicData: false, params: ruleId,
    summary: 'Change an alert rule.',
    body: changes(AlertRuleRequest, 'The fields to change.'),
    responses: { ...noContent, ...invalid, ...notFound },
  },
  deleteAlertRule: {
    method: 'delete', path: '/alert-rules/{ruleId}', tags, access: 'admin', changesPublicData: false, params: ruleId,
    summary: 'Remove an alert rule.',
    responses: { ...noContent, ...notFound },
  },
})
