import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { admin } from '../../playwright.config'
import { authorized, create, signIn } from './support'

// Two operators change one thing at once. The second to save does not overwrite the first unseen:
// they see the colleague's values beside their own and choose.

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** An operator in a browser of their own, signed in as the admin, on the page. */
async function operatorOn(browser: Browser, path: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, admin.email, admin.password)
  await page.goto(path)
  return page
}

/** An operator with the incident's edit form open. */
async function operatorEditing(browser: Browser, incidentId: string) {
  const page = await operatorOn(browser, `/admin/incidents/${incidentId}`)
  await page.getByTestId('edit-incident').click()
  return page
}

/** The conflict shown in the page: the operator's value and the colleague's, in the named field's row. */
async function expectConflict(page: Page, field: string, mine: string, theirs: string) {
  const conflict = page.getByTestId('conflict')
  await expect(conflict).toContainText('Someone else changed this meanwhile')
  const row = conflict.getByTestId('conflict-row').filter({ hasText: field })
  await expect(row.getByTestId('conflict-mine')).toHaveText(mine)
  await expect(row.getByTestId('conflict-theirs')).toHaveText(theirs)
  return conflict
}

const patch = async (request: APIRequestContext, path: string, data: object) =>
  expect((await request.patch(path, { headers: authorized, data })).status()).toBe(204)
const stored = async (request: APIRequestContext, path: string) =>
  (await (await request.get(path, { headers: authorized })).json()).data

for (const [choice, button] of [['mine', 'Keep mine'], ['theirs', 'Take theirs']] as const) {
  test(`the second operator to save sees the first one's change and keeps ${choice}`, async ({ browser, request }) => {
    test.setTimeout(120_000)
    const incidentId = await create(request, '/api/incidents', { displayName: unique('Volumes attach slowly') })
    // One after the other: each sign-in hashes a password.
    const first = await operatorEditing(browser, incidentId)
    const second = await operatorEditing(browser, incidentId)

    const firstTitle = unique('Volumes attach slowly in de-west')
    await first.getByLabel('Title').fill(firstTitle)
    await first.getByRole('button', { name: 'Save changes' }).click()
    await expect(first.getByTestId('incident-title')).toHaveText(firstTitle)

    const secondTitle = unique('Volume attachments time out')
    await second.getByLabel('Title').fill(secondTitle)
    await second.getByRole('button', { name: 'Save changes' }).click()
    const conflict = await expectConflict(second, 'Title', secondTitle, firstTitle)
    // Nothing was overwritten yet.
    const title = async () => (await stored(request, `/api/incidents/${incidentId}`)).displayName
    expect(await title()).toBe(firstTitle)

    await conflict.getByRole('button', { name: button }).click()
    const chosen = choice === 'mine' ? secondTitle : firstTitle
    await expect(second.getByTestId('incident-title')).toHaveText(chosen)
    await expect(second.getByTestId('conflict')).toHaveCount(0)
    expect(await title()).toBe(chosen)
    // Other specs count the demo's ongoing incidents.
    expect((await request.delete(`/api/incidents/${incidentId}`, { headers: authorized })).status()).toBe(204)
  })
}

// The other forms that change one thing: the colleague's save comes through the API, while the
// operator's form is open on what they loaded.

test('a component dialog shows the colleague\'s rename; keeping mine saves mine', async ({ browser, request }) => {
  const name = unique('Object storage')
  const id = await create(request, '/api/components', { displayName: name, labels: {} })
  const page = await operatorOn(browser, '/admin/components')
  await page.getByRole('button', { name: `Edit ${name}` }).click()
  const dialog = page.getByRole('dialog')
  const colleagues = unique('Object storage (S3)')
  await patch(request, `/api/components/${id}`, { displayName: colleagues })

  const mine = unique('Object storage (Swift)')
  await dialog.getByLabel('Name').fill(mine)
  await dialog.getByRole('button', { name: 'Save' }).click()
  const conflict = await expectConflict(page, 'Name', mine, colleagues)
  expect((await stored(request, `/api/components/${id}`)).displayName).toBe(colleagues)

  await conflict.getByRole('button', { name: 'Keep mine' }).click()
  await expect(dialog).toBeHidden()
  expect((await stored(request, `/api/components/${id}`)).displayName).toBe(mine)
  await request.delete(`/api/components/${id}`, { headers: authorized })
})

test('an update\'s edit dialog shows the colleague\'s change; taking theirs fills the form with it', async ({ browser, request }) => {
  const incidentId = await create(request, '/api/incidents', { displayName: unique('Slow DNS') })
  const posted = await request.post(`/api/incidents/${incidentId}/updates`, { headers: authorized, data: { displayName: 'Investigating' } })
  const { order } = await posted.json()
  const page = await operatorOn(browser, `/admin/incidents/${incidentId}`)
  await page.getByRole('button', { name: 'Edit update Investigating' }).click()
  const dialog = page.getByRole('dialog')
  await patch(request, `/api/incidents/${incidentId}/updates/${order}`, { displayName: 'Resolver restarted' })

  await dialog.getByLabel('Update').fill('Root cause found')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const conflict = await expectConflict(page, 'Update', 'Root cause found', 'Resolver restarted')
  await conflict.getByRole('button', { name: 'Take theirs' }).click()
  await expect(dialog.getByLabel('Update')).toHaveValue('Resolver restarted')
  await dialog.getByLabel('Details').fill('The resolver ran out of memory')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  expect(await stored(request, `/api/incidents/${incidentId}/updates/${order}`))
    .toMatchObject({ displayName: 'Resolver restarted', description: 'The resolver ran out of memory' })
  await request.delete(`/api/incidents/${incidentId}`, { headers: authorized })
})

test('deleting an incident a colleague just changed is refused and shows the change', async ({ browser, request }) => {
  const incidentId = await create(request, '/api/incidents', { displayName: unique('Packet loss') })
  const page = await operatorOn(browser, `/admin/incidents/${incidentId}`)
  const colleagues = unique('Packet loss in AZ 2, more every minute')
  await patch(request, `/api/incidents/${incidentId}`, { displayName: colleagues })

  await page.getByRole('button', { name: 'Delete incident' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this meanwhile' })).toBeVisible()
  await expect(page.getByTestId('incident-title')).toHaveText(colleagues)
  expect((await request.get(`/api/incidents/${incidentId}`)).status()).toBe(200)
  await request.delete(`/api/incidents/${incidentId}`, { headers: authorized })
})

test('the settings page shows the colleague\'s new title; taking theirs keeps it and saves the rest', async ({ browser, request }) => {
  const before = await stored(request, '/api/settings')
  const page = await operatorOn(browser, '/admin/settings')
  const colleagues = unique('Cloud status')
  await patch(request, '/api/settings', { title: colleagues })
  try {
    await page.getByLabel('About').fill('Run by the platform team')
    await page.getByRole('button', { name: 'Save settings' }).click()
    const conflict = await expectConflict(page, 'Title', before.title, colleagues)
    expect((await stored(request, '/api/settings')).about).toBe(before.about)

    await conflict.getByRole('button', { name: 'Take theirs' }).click()
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(colleagues)
    await page.getByLabel('About').fill('Run by the platform team')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText('Saved.')).toBeVisible()
    expect(await stored(request, '/api/settings')).toMatchObject({ title: colleagues, about: 'Run by the platform team' })
  }
  finally {
    await patch(request, '/api/settings', { title: before.title, about: before.about })
  }
})
