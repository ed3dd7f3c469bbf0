import { describe, expect, inject, it } from 'vitest'
import { expectProblem, expectResponse, post } from './client'
import { signInAs } from './browser'
import { uniqueName } from './fixtures'
import { expectUnchanged } from './snapshot'

describe('signed-in writes', () => {
  it('without the x-csrf-token header are refused and change nothing', async () => {
    const editor = await signInAs('editor')
    await expectUnchanged(async () => {
      expectProblem(await editor.post('/api/components', { displayName: 'Forged' }, { csrf: false }), 403)
      expectProblem(await editor.post('/api/incidents', { displayName: 'Forged' }, { csrf: false }), 403)
    })
  })

  it('with a wrong token are refused', async () => {
    const editor = await signInAs('editor')
    expectProblem(await editor.post('/api/components', { displayName: 'Forged' }, { headers: { 'x-csrf-token': 'x'.repeat(43) } }), 403)
  })

  it('with another session\'s token are refused', async () => {
    const editor = await signInAs('editor')
    const other = await signInAs('editor')
    expectProblem(await editor.post('/api/components', { displayName: 'Forged' }, { headers: { 'x-csrf-token': other.csrfToken } }), 403)
  })

  it('from another origin are refused, token or not', async () => {
    const editor = await signInAs('editor')
    expectProblem(await editor.post('/api/components', { displayName: 'Forged' }, { headers: { origin: 'https://attacker.example' } }), 403)
  })

  it('from our own origin with the token succeed', async () => {
    const editor = await signInAs('editor')
    const origin = new URL(inject('baseUrl')).origin
    expectResponse(await editor.post('/api/components', { displayName: uniqueName('Same origin') }, { headers: { origin } }), 'createComponent', 201)
  })

  it('include signing out', async () => {
    const editor = await signInAs('editor')
    expectProblem(await editor.del('/api/session', { csrf: false }), 403)
    expect(await editor.user()).toMatchObject({ email: editor.email })
  })
})

describe('bearer-token writes', () => {
  it('need no CSRF token, since browsers never send them by themselves', async () => {
    expectResponse(await post('/api/components', { displayName: uniqueName('Token') }, { headers: { origin: 'https://automation.example' } }), 'createComponent', 201)
  })
})
