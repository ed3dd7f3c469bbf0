import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { admin } from '../../playwright.config'
import { startReceiver } from '../support/webhook-receiver'
import { authorized, choose, DEMO, navigate, signInAccepted, whenHydrated } from './support'

// The admin area for an operator whose browser asks for German (Accept-Language: de) in Berlin:
// texts, refusals and times in German, none of the validator's own words.
test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })

/** Signs in as the admin and waits for the German dashboard. */
async function signInAsAdmin(page: Page) {
  await page.goto('/admin')
  await fillSignIn(page, admin.email, admin.password)
  await signInAccepted(page, signInButton(page))
  await expect(page.getByRole('heading', { name: 'Übersicht' })).toBeVisible({ timeout: 20_000 })
}

/** Registers the receiver as a webhook and sends it a test event, whose one try the log then shows. */
async function webhookTried(request: APIRequestContext, receiver: Awaited<ReturnType<typeof startReceiver>>): Promise<string> {
  const created = await request.post('/api/webhooks', { headers: authorized, data: { url: receiver.url, events: ['maintenance.cancelled'] } })
  expect(created.status(), await created.text()).toBe(201)
  const webhook = await created.json()
  receiver.useSecret(webhook.secret)
  expect((await request.post(`/api/webhooks/${webhook.id}/test`, { headers: authorized })).status()).toBe(204)
  return webhook.id
}

const signInButton = (page: Page) => page.getByRole('button', { name: 'Anmelden', exact: true })

/** Fills the hydrated sign-in form, and lets it submit past the browser's own check of empty fields. */
async function fillSignIn(page: Page, email: string, password: string) {
  await whenHydrated(page)
  await page.getByLabel('E-Mail').fill(email)
  await page.getByLabel('Passwort').fill(password)
  await page.locator('form').evaluate(form => ((form as HTMLFormElement).noValidate = true))
}

/** Submits the sign-in form as it is. */
async function submitSignIn(page: Page, email: string, password: string) {
  await fillSignIn(page, email, password)
  await signInButton(page).click()
}

test('sign-in refuses in German sentences, not with the validator\'s text', async ({ page }) => {
  await page.goto('/admin/sign-in')
  await expect(page.getByRole('heading', { name: 'Bei der Status-Verwaltung anmelden' })).toBeVisible()
  await expect(page).toHaveTitle('Anmelden · Status-Verwaltung')
  const error = page.getByTestId('sign-in-error')

  await submitSignIn(page, admin.email, '')
  await expect(error).toHaveText('Passwort: Bitte ausfüllen.')

  await submitSignIn(page, 'operator@localhost', 'irrelevant')
  await expect(error).toHaveText('E-Mail: Bitte eine E-Mail-Adresse wie name@example.com eingeben.')
  // The field says it too, beside the input.
  await expect(page.getByText('Bitte eine E-Mail-Adresse wie name@example.com eingeben.', { exact: true })).toBeVisible()
  await expect(page.getByText(/too small|invalid/i)).toHaveCount(0)
})

test('the dashboard, the incident form and the incident page speak German, with German dates', async ({ page }) => {
  test.setTimeout(90_000)
  await signInAsAdmin(page)
  await expect(page.getByText('Laufende Störungen')).toBeVisible()
  await expect(page.getByText('Wartungen, laufend und geplant')).toBeVisible()
  const navigation = page.getByRole('navigation')
  for (const name of ['Störungen', 'Komponenten', 'Schweregrade', 'Lebenszeichen', 'Protokoll']) {
    await expect(navigation.getByRole('link', { name, exact: true })).toBeVisible()
  }

  await page.getByRole('link', { name: 'Störung eröffnen' }).click()
  await expect(page.getByRole('heading', { name: 'Eine Störung eröffnen' })).toBeVisible()
  await expect(page.getByText('Betroffene Komponenten')).toBeVisible()
  // The form's own check, in German: title, component and impact type are missing.
  await page.getByRole('button', { name: 'Störung eröffnen' }).click()
  await expect(page.getByTestId('problem')).toContainText('3 Felder brauchen Ihre Aufmerksamkeit:')
  await expect(page.getByTestId('problem')).toContainText('Ein Titel ist nötig')

  const title = `Deutsche Störung ${Date.now().toString(36)}`
  await page.getByLabel('Titel').fill(title)
  const impact = page.getByTestId('impact-0')
  await choose(page, impact, 'Komponente', DEMO.component)
  await choose(page, impact, 'Auswirkungsart', 'Connectivity Problems')
  await page.getByLabel('Meldung', { exact: true }).fill('Wir untersuchen das Problem')
  await page.getByRole('button', { name: 'Störung eröffnen' }).click()

  await expect(page.getByTestId('incident-title')).toHaveText(title, { timeout: 20_000 })
  await expect(page.getByTestId('incident-state')).toHaveText('Andauernd')
  await expect(page.getByText('Meldung veröffentlichen').first()).toBeVisible()
  // "6. Dez. 2026, 04:48 MEZ": day first, German month, 24-hour clock, the Berlin zone.
  const update = page.getByTestId('update-0')
  await expect(update.locator('time')).toHaveText(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}, \d{2}:\d{2} MES?Z$/)
  await expect(update.getByRole('button', { name: 'Bearbeiten' })).toBeVisible()
  // Other specs count the demo's ongoing incidents and the incidents on its components.
  const incidentId = new URL(page.url()).pathname.split('/').at(-1)
  expect((await page.request.delete(`/api/incidents/${incidentId}`, { headers: authorized })).status()).toBe(204)
})

test('the audit log names a failed sign-in in German, with the address tried from', async ({ page }) => {
  const email = `e2e-guess-${Date.now().toString(36)}@example.test`
  await page.goto('/admin/sign-in')
  await submitSignIn(page, email, 'a wrong guess 123')
  // A password hash takes seconds on a busy machine.
  await expect(page.getByTestId('sign-in-error')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.', { timeout: 20_000 })
  await signInAsAdmin(page)

  await navigate(page, 'Protokoll')
  const entry = page.getByTestId('audit-entry').filter({ hasText: email })
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText(`Fehlgeschlagene Anmeldung: ${email}`)
  await expect(entry).toContainText(/address: "[\d.:a-f]+"/)
  await expect(entry).not.toContainText(/sign-in/i)
  // Vuetify's own words are German too: the filter's clear button.
  await page.getByTestId('audit-actor').getByRole('textbox').fill(email)
  await expect(page.getByTestId('audit-actor').getByLabel(/ leeren$/)).toBeVisible()
})

test('the delivery log says in German what became of each webhook try, with the network\'s own words labelled', async ({ page, request }) => {
  test.setTimeout(60_000)
  const refusing = await startReceiver()
  refusing.answerWith(() => 500)
  // A port that was just given up: nothing answers there.
  const gone = await startReceiver()
  await gone.close()
  const webhooks = [await webhookTried(request, refusing), await webhookTried(request, gone)]
  try {
    await signInAsAdmin(page)
    await page.goto('/admin/webhooks')
    for (const [url, sentence] of [[refusing.url, 'Der Empfänger hat sie nicht angenommen.'], [gone.url, 'Der Empfänger war nicht erreichbar.']] as const) {
      await page.getByTestId('webhook').filter({ hasText: url }).getByRole('button', { name: `Zustellungen an ${url}` }).click()
      const log = page.getByRole('dialog').filter({ hasText: `Zustellungen an ${url}` })
      await expect(log.getByRole('columnheader', { name: 'Ergebnis' })).toBeVisible()
      await expect(async () => {
        await log.getByRole('button', { name: 'Aktualisieren' }).click()
        await expect(log.getByTestId('delivery')).toHaveCount(1, { timeout: 1000 })
      }).toPass({ timeout: 15_000 })
      const outcome = log.getByTestId('delivery').locator('td').nth(5)
      await expect(outcome.getByTestId('outcome')).toHaveText(sentence)
      await expect(outcome).not.toContainText('the receiver answered')
      await log.getByRole('button', { name: 'Schließen' }).click()
    }
    // The network's message stays, for whoever looks into it, under a German label.
    await page.getByTestId('webhook').filter({ hasText: gone.url }).getByRole('button', { name: `Zustellungen an ${gone.url}` }).click()
    await expect(page.getByRole('dialog').getByTestId('reported')).toHaveText(/^Im Wortlaut: .*ECONNREFUSED/)
  }
  finally {
    for (const id of webhooks) await request.delete(`/api/webhooks/${id}`, { headers: authorized })
    await refusing.close()
  }
})

test('a page that cannot load says why in German, not in the words of the failed request', async ({ page }) => {
  await signInAsAdmin(page)
  await page.route('**/api/audit?**', route => route.fulfill({
    status: 503,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The database does not answer.' }),
  }))
  await navigate(page, 'Protokoll')
  await expect(page.getByTestId('load-error')).toHaveText('Das Protokoll: Laden fehlgeschlagen (Der Server kann gerade nicht antworten; bitte gleich noch einmal versuchen.)')
})
