// Who may sign in through OpenID Connect, and with which role: allow-lists of emails first, then
// a claim from the identity provider whose value (or one of whose values) is `admin` or `editor`.
// And whether their email may be matched to a user at all.
import type { Role } from '../../shared/admin/access.ts'

export interface RoleRules {
  /** A claim name; dots reach into nested claims, e.g. `realm_access.roles`. */
  roleClaim?: string
  adminEmails: readonly string[]
  editorEmails: readonly string[]
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims)
}

/** The role the rules give this person, or undefined when they give none. */
export function roleFor(email: string, claims: Record<string, unknown>, rules: RoleRules): Role | undefined {
  if (rules.adminEmails.includes(email)) return 'admin'
  if (rules.editorEmails.includes(email)) return 'editor'
  if (!rules.roleClaim) return undefined
  const value = claimAt(claims, rules.roleClaim)
  const values = Array.isArray(value) ? value : [value]
  if (values.includes('admin')) return 'admin'
  if (values.includes('editor')) return 'editor'
  return undefined
}

/**
 * Whether the provider vouches for the email: `email_verified` exactly true (not missing, not the
 * string "false"), unless the operator trusts every email from this provider.
 */
export function emailVouchedFor(claims: Record<string, unknown>, requireVerified: boolean): boolean {
  return !requireVerified || claims.email_verified === true
}
