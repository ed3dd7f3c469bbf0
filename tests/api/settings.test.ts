import { afterAll, describe, expect, it } from 'vitest'
import { expectProblem, expectResponse, get, patch, tokens } from './client'

const defaults = {
  title: 'Cloud status',
  logoUrl: null,
  about: null,
  imprintUrl: null,
  privacyUrl: null,
  footerLinks: [],
  groupBy: ['region', 'az'],
  maintenanceDays: 30,
  statuspageStatuses: null,
}

const readSettings = async () => expectResponse(await get('/api/settings'), 'getSettings', 200).data

describe('settings', () => {
  // The server is shared with the other test files: leave the defaults behind.
  afterAll(async () => {
    expectResponse(await patch('/api/settings', defaults), 'updateSettings', 204)
  })

  it('starts with the defaults, readable by anyone', async () => {
    expect(await readSettings()).toEqual(defaults)
  })

  it('changes what is given and keeps the rest', async () => {
    expectResponse(await patch('/api/settings', {
      title: 'Example Cloud',
      imprintUrl: 'https://example.com/impressum',
      footerLinks: [{ label: 'Support', url: 'mailto:support@example.com' }],
    }), 'updateSettings', 204)
    expectResponse(await patch('/api/settings', { groupBy: ['zone'], maintenanceDays: 7 }), 'updateSettings', 204)
    expect(await readSettings()).toEqual({
      ...defaults,
      title: 'Example Cloud',
      imprintUrl: 'https://example.com/impressum',
      footerLinks: [{ label: 'Support', url: 'mailto:support@example.com' }],
      groupBy: ['zone'],
      maintenanceDays: 7,
    })
  })

  it('clears an optional setting with null', async () => {
    expectResponse(await patch('/api/settings', { about: 'Run by Example GmbH.', logoUrl: '/logo.svg' }), 'updateSettings', 204)
    expect(await readSettings()).toMatchObject({ about: 'Run by Example GmbH.', logoUrl: '/logo.svg' })
    expectResponse(await patch('/api/settings', { about: null }), 'updateSettings', 204)
    expect(await readSettings()).toMatchObject({ about: null, logoUrl: '/logo.svg' })
  })

  it('needs STATUS_PAGE_ADMIN_TOKEN (or an admin) to change anything, not just any read-write token', async () => {
    const before = await readSettings()
    expectProblem(await patch('/api/settings', { title: 'Nope' }, { token: null }), 401)
    expectProblem(await patch('/api/settings', { title: 'Nope' }, { token: tokens.readOnly }), 403)
    expectProblem(await patch('/api/settings', { title: 'Nope' }, { token: tokens.readWrite }), 403)
    expect(await readSettings()).toEqual(before)
    expectResponse(await patch('/api/settings', { title: 'Writer' }, { token: tokens.admin }), 'updateSettings', 204)
    expect(await readSettings()).toEqual({ ...before, title: 'Writer' })
  })

  it.each([
    ['title', { title: '' }],
    ['logoUrl', { logoUrl: 'https://cdn.example.com/logo.png' }],
    ['logoUrl', { logoUrl: '//cdn.example.com/logo.png' }],
    ['logoUrl', { logoUrl: '/\\evil.example/x.png' }],
    ['logoUrl', { logoUrl: '/\t/evil.example/x.png' }],
    ['logoUrl', { logoUrl: '/logo\u0000.png' }],
    ['imprintUrl', { imprintUrl: 'javascript:alert(1)' }],
    ['imprintUrl', { imprintUrl: '/\\evil.example/imprint' }],
    ['privacyUrl', { privacyUrl: 'https://example.com/\nprivacy' }],
    ['footerLinks[0].url', { footerLinks: [{ label: 'x', url: '/\\/evil.example' }] }],
    ['footerLinks[0].url', { footerLinks: [{ label: 'x', url: 'ftp://example.com' }] }],
    ['groupBy', { groupBy: ['region', 'region'] }],
    ['maintenanceDays', { maintenanceDays: 0 }],
    ['title', { title: null }],
    ['colour', { colour: 'red' }],
  ])('refuses an invalid %s and changes nothing', async (field, body) => {
    const before = await readSettings()
    expectProblem(await patch('/api/settings', { maintenanceDays: 12, ...body }), 400, field)
    expect(await readSettings()).toEqual(before)
  })
})
