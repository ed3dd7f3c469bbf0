// Who may do what: the roles of admin-area users and the scopes of API tokens.

/** admin: everything; editor: incidents, maintenance, their building blocks and templates. */
export const ROLES = ['admin', 'editor'] as const
export type Role = typeof ROLES[number]

export const TOKEN_SCOPES = ['read-write', 'read-only'] as const
export type TokenScope = typeof TOKEN_SCOPES[number]

/** Why a sign-in through the identity provider was refused; the sign-in page words each one. */
export type SingleSignOnRefusal = 'unavailable' | 'expired' | 'failed' | 'no-email' | 'unverified' | 'no-access' | 'disabled' | 'other-identity'
