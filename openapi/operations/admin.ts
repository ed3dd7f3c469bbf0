// The admin area's own operations: sessions for everyone, the rest for admins only (an admin's
// session or STATUS_PAGE_ADMIN_TOKEN), templates for whoever may write incidents.
import { z } from 'zod'
import {
  AuditEntry, AuditQuery, PasswordChange, SessionInfo, SignIn, TemplateRequest, TemplateResponseData, TokenCreated,
  TokenName, TokenRequest, TokenResponseData, UserPatch, UserRequest, UserResponseData,
} from '../admin-schemas.ts'
import {
  body, changes, created, data, defineOperations, noContent, notFound, pathParameter, problem, queryParameter, readErrors,
} from '../operation.ts'
import { Id, IdField } from '../schemas.ts'

const templateId = { templateId: pathParameter(Id, 'Template ID.') }
const userId = { userId: pathParameter(Id, 'User ID.') }
const tokenName = { tokenName: pathParameter(TokenName, 'Token name.', 'text') }
const tags = ['admin']

export const sessionOperations = defineOperations({
  getSession: {
    method: 'get', path: '/session', tags, access: 'anyone',
    summary: 'Who is signed in, the CSRF token for their writes, and the ways to sign in.',
    responses: { 200: data('The session; without `user` when nobody is signed in.', SessionInfo) },
  },
  signIn: {
    method: 'post', path: '/session', tags, access: 'same-origin', changesPublicData: false,
    summary: 'Sign in with email and password; sets the session cookie.',
    body: body(SignIn, 'The credentials.'),
    responses: {
      200: data('Signed in.', SessionInfo),
      400: problem('Invalid body.'),
      401: problem('Wrong email or password.'),
      403: problem('The request came from another origin.'),
      429: problem('Too many failed sign-ins for the email or the address; `Retry-After` says how long to wait.'),
    },
  },
  signOut: {
    method: 'delete', path: '/session', tags, access: 'session', changesPublicData: false,
    summary: 'Sign out: clears the cookie and ends every session of the user.',
    responses: { ...noContent, 403: problem('The `x-csrf-token` header is missing or wrong.') },
  },
  changePassword: {
    method: 'post', path: '/session/password', tags, access: 'user', changesPublicData: false,
    summary: 'Change one\'s own password; ends every other session of the user.',
    body: body(PasswordChange, 'The current and the new password.'),
    responses: {
      200: data('Changed; the session continues with a new CSRF token.', SessionInfo),
      400: problem('Wrong current password, or the new one is too short.'),
      401: problem('Not signed in.'),
      403: problem('Not a signed-in user, or the `x-csrf-token` header is missing or wrong.'),
      429: problem('Too many wrong current passwords; `Retry-After` says how long to wait.'),
    },
  },
})

export const userOperations = defineOperations({
  getUsers: {
    method: 'get', path: '/users', tags, access: 'admin',
    summary: 'List the users of the admin area.',
    responses: { 200: data('The users.', z.array(UserResponseData)) },
  },
  createUser: {
    method: 'post', path: '/users', tags, access: 'admin', changesPublicData: false,
    summary: 'Create a user.',
    body: body(UserRequest, 'The user.'),
    responses: { 201: created('The id of the new user.', IdField), 400: problem('Invalid body.'), 409: problem('The email is taken.') },
  },
  updateUser: {
    method: 'patch', path: '/users/{userId}', tags, access: 'admin', changesPublicData: false, params: userId,
    summary: 'Change a user\'s role, disable or enable them, or set a new password.',
    body: body(UserPatch, 'The fields to change.'),
    responses: { ...noContent, 400: problem('Invalid body.'), ...notFound, 409: problem('It would leave no active admin.') },
  },
})

export const tokenOperations = defineOperations({
  getTokens: {
    method: 'get', path: '/tokens', tags, access: 'admin',
    summary: 'List the API tokens (never their secrets).',
    responses: { 200: data('The tokens.', z.array(TokenResponseData)) },
  },
  createToken: {
    method: 'post', path: '/tokens', tags, access: 'admin', changesPublicData: false,
    summary: 'Create an API token; its secret is shown only in this response.',
    body: body(TokenRequest, 'Name and scope of the token.'),
    responses: { 201: created('The new token and its secret.', TokenCreated), 400: problem('Invalid body.'), 409: problem('The name is taken.') },
  },
  revokeToken: {
    method: 'delete', path: '/tokens/{tokenName}', tags, access: 'admin', changesPublicData: false, params: tokenName,
    summary: 'Revoke an API token.',
    responses: { ...noContent, ...notFound },
  },
})

// Templates are an editing tool: whoever may write incidents may read them.
export const templateOperations = defineOperations({
  getTemplates: {
    method: 'get', path: '/templates', tags, access: 'writer',
    summary: 'List the incident templates.',
    responses: { 200: data('The templates.', z.array(TemplateResponseData)) },
  },
  createTemplate: {
    method: 'post', path: '/templates', tags, access: 'writer', changesPublicData: false,
    summary: 'Create an incident template.',
    body: body(TemplateRequest, 'The template.'),
    responses: { 201: created('The id of the new template.', IdField), 400: problem('Invalid body or reference.'), 409: problem('The name is taken.') },
  },
  getTemplate: {
    method: 'get', path: '/templates/{templateId}', tags, access: 'writer', params: templateId,
    summary: 'Get an incident template.',
    responses: { 200: data('The template.', TemplateResponseData), ...readErrors, ...notFound },
  },
  updateTemplate: {
    method: 'patch', path: '/templates/{templateId}', tags, access: 'writer', changesPublicData: false, params: templateId,
    summary: 'Update an incident template; omitted fields stay.',
    body: changes(TemplateRequest, 'The fields to change (any subset).'),
    responses: { ...noContent, 400: problem('Invalid body or reference.'), ...notFound, 409: problem('The name is taken.') },
  },
  deleteTemplate: {
    method: 'delete', path: '/templates/{templateId}', tags, access: 'writer', changesPublicData: false, params: templateId,
    summary: 'Delete an incident template.',
    responses: { ...noContent, ...notFound },
  },
})

export const auditOperations = defineOperations({
  getAuditLog: {
    method: 'get', path: '/audit', tags, access: 'admin',
    summary: 'The audit log, newest first: every successful write, by whom.',
    query: {
      schema: AuditQuery,
      parameters: [
        queryParameter('actor', { type: 'string' }, 'Only entries by this user (email) or token (name).'),
        queryParameter('kind', { type: 'string' }, 'Only entries about this kind of resource: the first path segment, e.g. `incidents`.'),
        queryParameter('since', { type: 'string', format: 'date-time' }, 'Only entries at or after this time.'),
        queryParameter('until', { type: 'string', format: 'date-time' }, 'Only entries at or before this time.'),
        queryParameter('before', { type: 'integer', minimum: 1 }, 'Only entries older than the entry with this id (the next page).'),
        queryParameter('limit', { type: 'integer', minimum: 1, maximum: 500, default: 100 }, 'At most this many entries.'),
      ],
    },
    responses: { 200: data('The entries.', z.array(AuditEntry)), ...readErrors },
  },
})
