// Outgoing webhooks: receivers that admins register (or the bootstrap token), their delivery log,
// and a test delivery. Part of the admin area; what receivers get is WebhookPayload.
import { z } from 'zod'
import { body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem } from '../operation.ts'
import { Id } from '../schemas.ts'
import { WebhookCreated, WebhookDelivery, WebhookRequest, WebhookResponseData } from '../webhook-schemas.ts'

const webhookId = { webhookId: pathParameter(Id, 'Webhook ID.') }
const tags = ['admin']

export const webhookOperations = defineOperations({
  getWebhooks: {
    method: 'get', path: '/webhooks', tags, access: 'admin',
    summary: 'List the webhook receivers (never their secrets).',
    responses: { 200: data('The receivers.', z.array(WebhookResponseData)) },
  },
  createWebhook: {
    method: 'post', path: '/webhooks', tags, access: 'admin', changesPublicData: false,
    summary: 'Register a webhook receiver; its signing secret is shown only in this response.',
    body: body(WebhookRequest, 'The receiver.'),
    responses: { 201: created('The receiver and its secret.', WebhookCreated), 400: problem('Invalid body, or a receiver on a private address.') },
  },
  getWebhook: {
    method: 'get', path: '/webhooks/{webhookId}', tags, access: 'admin', params: webhookId,
    summary: 'One webhook receiver.',
    responses: { 200: data('The receiver.', WebhookResponseData), ...notFound },
  },
  updateWebhook: {
    method: 'patch', path: '/webhooks/{webhookId}', tags, access: 'admin', changesPublicData: false, params: webhookId,
    summary: 'Change a receiver; `active: true` resumes one that was paused.',
    body: changes(WebhookRequest, 'The fields to change.'),
    responses: { ...noContent, 400: problem('Invalid body, or a receiver on a private address.'), ...notFound },
  },
  deleteWebhook: {
    method: 'delete', path: '/webhooks/{webhookId}', tags, access: 'admin', changesPublicData: false, params: webhookId,
    summary: 'Remove a receiver with its delivery log.',
    responses: { ...noContent, ...notFound },
  },
  getWebhookDeliveries: {
    method: 'get', path: '/webhooks/{webhookId}/deliveries', tags, access: 'admin', params: webhookId,
    summary: 'The latest 100 delivery attempts to a receiver, newest first.',
    responses: { 200: data('The attempts.', z.array(WebhookDelivery)), ...notFound },
  },
  testWebhook: {
    method: 'post', path: '/webhooks/{webhookId}/test', tags, access: 'admin', changesPublicData: false, params: webhookId,
    summary: 'Queue a `webhook.test` delivery to a receiver, paused or not; its result shows in the delivery log.',
    responses: { ...noContent, ...notFound },
  },
})
