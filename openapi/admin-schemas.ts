// Schemas of the admin area's own API (sessions, users, API tokens, the audit log), beside the
// SCS ones in ./schemas.ts and, like them, the source of validation, types and the OpenAPI document.
import { z } from 'zod'
import { ROLES, TOKEN_SCOPES } from '../shared/admin/access.ts'
import { Description, Digits, DisplayName, Id, Impact, Instant, named } from './schemas.ts'

export const Email = named('Email', 'An email address; compared in lower case.', z.email().max(254).toLowerCase())
export const Role = named('Role', '`admin`: everything; `editor`: incidents, maintenance, components, impact types, severities, phases and templates.', z.enum(ROLES))
export const TokenScope = named('TokenScope', 'What an API token may do.', z.enum(TOKEN_SCOPES))
export const NewPassword = named('NewPassword', 'A password of 12 to 200 characters.', z.string().min(12, 'must have at least 12 characters').max(200))
const GivenPassword = z.string().min(1).max(200)

export const SignIn = named('SignIn', 'Email and password of a local account.', z.strictObject({
  email: Email,
  password: GivenPassword,
}))

export const PasswordChange = named('PasswordChange', 'The current password and the new one.', z.strictObject({
  currentPassword: GivenPassword,
  newPassword: NewPassword,
}))

export const SessionUser = named('SessionUser', 'The signed-in user.', z.strictObject({
  id: Id,
  email: Email,
  role: Role,
}))

export const SessionInfo = named('SessionInfo', 'Who is signed in and the token that their writes must send as `x-csrf-token` (both absent when nobody is), and the ways to sign in.', z.strictObject({
  user: SessionUser.optional(),
  csrfToken: z.string().optional(),
  signInMethods: z.array(z.enum(['password', 'oidc'])),
}))

export const UserRequest = named('UserRequest', 'A user to create. Without a password the user can only sign in through OpenID Connect.', z.strictObject({
  email: Email,
  role: Role,
  password: NewPassword.optional(),
}))

export const UserPatch = named('UserPatch', 'Changes to a user; disabling or setting a password ends the user\'s sessions.', z.strictObject({
  role: Role.optional(),
  disabled: z.boolean().optional(),
  password: NewPassword.optional(),
}))

export const UserResponseData = named('UserResponseData', 'A user of the admin area.', z.strictObject({
  id: Id,
  email: Email,
  role: Role,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: Instant,
  lastSignInAt: Instant.nullable(),
}))

export const TokenName = named('TokenName', 'The unique name of an API token.', z.string().trim().min(1).max(100))

export const TokenRequest = named('TokenRequest', 'An API token to create.', z.strictObject({
  name: TokenName,
  scope: TokenScope,
}))

export const TokenCreated = named('TokenCreated', 'The new token\'s secret, shown only this once.', z.strictObject({
  name: TokenName,
  token: z.string(),
}))

export const TokenResponseData = named('TokenResponseData', 'An API token; its secret is never shown again.', z.strictObject({
  name: TokenName,
  scope: TokenScope,
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
}))

const TemplateUpdate = z.strictObject({
  displayName: DisplayName,
  description: Description.optional(),
})

export const TemplateRequest = named('TemplateRequest', 'An incident template to create; PATCH takes any subset, and `firstUpdate: null` removes the first update.', z.strictObject({
  id: Id.optional().meta({ readOnly: true }),
  name: DisplayName,
  displayName: DisplayName,
  description: Description.optional(),
  affects: z.array(Impact).optional(),
  firstUpdate: TemplateUpdate.nullable().optional(),
}))

export const TemplateResponseData = named('TemplateResponseData', 'A named preset for opening a common incident: its title, description, impacts and first update.', z.strictObject({
  id: Id,
  name: DisplayName,
  displayName: DisplayName,
  description: Description.optional(),
  affects: z.array(Impact),
  firstUpdate: TemplateUpdate.optional(),
}))

export type SessionUserData = z.infer<typeof SessionUser>
export type SessionInfoData = z.infer<typeof SessionInfo>
export type UserData = z.infer<typeof UserResponseData>
export type NewUser = z.infer<typeof UserRequest>
export type UserChanges = z.infer<typeof UserPatch>
export type TokenData = z.infer<typeof TokenResponseData>
export type TemplateData = z.infer<typeof TemplateResponseData>
export type NewTemplate = z.infer<typeof TemplateRequest>

export const AuditEntry = named('AuditEntry', 'One successful write: who (a user\'s email or a token\'s name), when, what, and `summary`, the body\'s fields as `key: value` (never a secret); or a failed sign-in: `actorKind` `anonymous`, the email tried as `actor`, and `summary` `address: "…"`, the client\'s address.', z.strictObject({
  id: z.int().min(1),
  at: Instant,
  actorKind: z.enum(['user', 'token', 'anonymous']),
  actor: z.string(),
  method: z.string(),
  path: z.string(),
  resourceKind: z.string(),
  resourceId: z.string().nullable(),
  summary: z.string(),
}))

export const AuditQuery = z.object({
  actor: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  since: Instant.optional(),
  until: Instant.optional(),
  before: Digits.pipe(z.int().min(1)).optional(),
  limit: Digits.pipe(z.int().min(1).max(500)).default(100),
})

export type AuditEntryData = z.infer<typeof AuditEntry>
export type AuditFilter = z.infer<typeof AuditQuery>
