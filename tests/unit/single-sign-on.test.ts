import { describe, expect, it } from 'vitest'
import { roleFor } from '../../server/auth/single-sign-on.ts'

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
