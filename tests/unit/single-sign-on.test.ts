import { describe, expect, it } from 'vitest'
import { emailVouchedFor, roleFor } from '../../server/auth/single-sign-on.ts'

const rules = { roleClaim: 'realm_access.roles', adminEmails: ['boss@example.com'], editorEmails: ['ops@example.com'] }

describe('roleFor', () => {
  it('takes the allow-lists first', () => {
    expect(roleFor('boss@example.com', { realm_access: { roles: ['editor'] } }, rules)).toBe('admin')
    expect(roleFor('ops@example.com', {}, rules)).toBe('editor')
  })

  it('reads a nested claim, as a list or a single value', () => {
    expect(roleFor('a@example.com', { realm_access: { roles: ['viewer', 'admin'] } }, rules)).toBe('admin')
    expect(roleFor('a@example.com', { realm_access: { roles: 'editor' } }, rules)).toBe('editor')
  })

  it('prefers admin when the claim names both', () => {
    expect(roleFor('a@example.com', { realm_access: { roles: ['editor', 'admin'] } }, rules)).toBe('admin')
  })

  it('gives no role otherwise', () => {
    expect(roleFor('a@example.com', { realm_access: { roles: ['viewer'] } }, rules)).toBeUndefined()
    expect(roleFor('a@example.com', { realm_access: 'admin' }, rules)).toBeUndefined()
    expect(roleFor('a@example.com', { roles: ['admin'] }, { ...rules, roleClaim: undefined })).toBeUndefined()
  })
})

describe('emailVouchedFor', () => {
  it('needs email_verified to be exactly true', () => {
    expect(emailVouchedFor({ email_verified: true }, true)).toBe(true)
    for (const claims of [{}, { email_verified: false }, { email_verified: 'false' }, { email_verified: 'true' }, { email_verified: 1 }]) {
      expect(emailVouchedFor(claims, true)).toBe(false)
    }
  })

  it('takes any email when the operator opted out (STATUS_PAGE_OIDC_REQUIRE_VERIFIED_EMAIL=false)', () => {
    expect(emailVouchedFor({}, false)).toBe(true)
  })
})
