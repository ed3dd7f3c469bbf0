// Email subscriptions: anyone subscribes; the owner of the address manages it through the secret
// in its mails' links; admins see, export and remove subscribers.
import { z } from 'zod'
import { body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem } from '../operation.ts'
import { Id } from '../schemas.ts'
import {
  SubscriberData, SubscriptionAccepted, SubscriptionChange, SubscriptionConfirmation, SubscriptionData, SubscriptionRequest,
  SubscriptionToken,
} from '../subscription-schemas.ts'

const token = { token: pathParameter(SubscriptionToken, 'The secret from a link in the subscription\'s mails.', 'text') }
const tags = ['subscriptions']
const notOffered = { 503: problem('Email subscriptions are not set up on this server.') }
const unknownLink = { 404: problem('The link is not valid (any more).') }

export const subscriptionOperations = defineOperations({
  subscribe: {
    method: 'post', path: '/subscriptions', tags, access: 'anyone', changesPublicData: false,
    summary: 'Subscribe an address; a confirmation mail follows (double opt-in). The answer is the same whether or not the address was subscribed.',
    body: body(SubscriptionRequest, 'The address and what it wants to hear of.'),
    responses: {
      202: created('Accepted.', SubscriptionAccepted),
      400: problem('Invalid body.'),
      429: problem('Too many subscribe requests for the address or from the client; `Retry-After` says how long to wait.'),
      ...notOffered,
    },
  },
  confirmSubscription: {
    method: 'post', path: '/subscriptions/confirm', tags, access: 'anyone', changesPublicData: false,
    summary: 'Confirm a subscription with the secret from its confirmation mail, within 48 hours.',
    body: body(SubscriptionConfirmation, 'The secret.'),
    responses: { 200: data('Confirmed.', SubscriptionData), 400: problem('Invalid body.'), ...unknownLink, 410: problem('The confirmation link has expired.') },
  },
  getSubscription: {
    method: 'get', path: '/subscriptions/{token}', tags, access: 'anyone', params: token,
    summary: 'A subscription, for its owner.',
    responses: { 200: data('The subscription.', SubscriptionData), ...unknownLink },
  },
  updateSubscription: {
    method: 'patch', path: '/subscriptions/{token}', tags, access: 'anyone', changesPublicData: false, params: token,
    summary: 'Change what a subscription covers, its language or time zone.',
    body: changes(SubscriptionChange, 'The fields to change.'),
    responses: { ...noContent, 400: problem('Invalid body.'), ...unknownLink },
  },
  deleteSubscription: {
    method: 'delete', path: '/subscriptions/{token}', tags, access: 'anyone', changesPublicData: false, params: token,
    summary: 'End a subscription and delete everything kept about it.',
    responses: { ...noContent, ...unknownLink },
  },
  unsubscribe: {
    method: 'post', path: '/subscriptions/{token}/unsubscribe', tags, access: 'anyone', changesPublicData: false, params: token,
    summary: 'One-click unsubscribe (RFC 8058, the `List-Unsubscribe` of every mail): like DELETE, for mail programs, whatever the body.',
    responses: { ...noContent, ...unknownLink },
  },
})

export const subscriberOperations = defineOperations({
  getSubscribers: {
    method: 'get', path: '/subscribers', tags: ['admin'], access: 'admin',
    summary: 'Every subscriber, for admins: to count, export or remove.',
    responses: { 200: data('The subscribers.', z.array(SubscriberData)) },
  },
  deleteSubscriber: {
    method: 'delete', path: '/subscribers/{subscriberId}', tags: ['admin'], access: 'admin', changesPublicData: false,
    params: { subscriberId: pathParameter(Id, 'Subscriber ID.') },
    summary: 'Remove a subscriber and everything kept about them.',
    responses: { ...noContent, ...notFound },
  },
})
