import { expect, test } from '@playwright/test'
import { admin } from '../../playwright.config'
import { startReceiver } from '../support/webhook-receiver'
import { authorized, navigate, signIn } from './support'

// An admin's notification pages: webhook receivers with their delivery log, and the subscribers.

test('an admin registers a webhook, sees its secret once, sends a test event and finds it in the log', async ({ page }) => {
  test.setTimeout(60_000)
  const receiver = await startReceiver()
  try {
    await signIn(page, admin.email, admin.password)
    await navigate(page, 'Webhooks')
    await page.getByRole('button', { name: 'New webhook' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Receiver URL').fill(receiver.url)
    await dialog.getByRole('button', { name: 'Save' }).click()

    const secret = page.getByTestId('new-secret').locator('input')
    await expect(secret).toHaveValue(/^whsec_/)
    receiver.useSecret(await secret.inputValue())
    await page.getByRole('button', { name: 'Done' }).click()
    await expect(page.getByTestId('new-secret')).toHaveCount(0)

    const row = page.getByTestId('webhook').filter({ hasText: receiver.url })
    await expect(row).toContainText('active')
    await expect(row).toContainText('every event')
    await row.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click()
    await expect(page.getByRole('status').filter({ hasText: 'A test event is on its way' })).toBeVisible()
    await expect.poll(() => receiver.deliveries.length, { timeout: 20_000 }).toBe(1)
    expect(receiver.deliveries[0]!.payload.type).toBe('webhook.test')

    await row.getByRole('button', { name: `Deliveries to ${receiver.url}` }).click()
    const log = page.getByRole('dialog').filter({ hasText: `Deliveries to ${receiver.url}` })
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click()
      await expect(log.getByTestId('delivery')).toHaveCount(1, { timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    const delivery = log.getByTestId('delivery')
    await expect(delivery).toContainText('webhook.test')
    await expect(delivery.locator('td').nth(2)).toHaveText('200')
    await expect(delivery.locator('td').nth(4)).toHaveText('1')
    await log.getByRole('button', { name: 'Close' }).click()

    // Deleted after confirming: gone from the list.
    await row.getByRole('button', { name: 'Delete' }).click()
    await page.getByTestId('confirm').click()
    await expect(page.getByTestId('webhook').filter({ hasText: receiver.url })).toHaveCount(0)
  }
  finally {
    await receiver.close()
  }
})

test('an admin sees a subscriber in its scope, and removes it', async ({ page, request }) => {
  const email = `e2e-subscriber-${Date.now()}@example.test`
  const reply = await request.post('/api/subscriptions', { data: { email, labels: { region: 'e2e-north' } } })
  expect(reply.status(), await reply.text()).toBe(202)

  await signIn(page, admin.email, admin.password)
  await navigate(page, 'Subscribers')
  await expect(page.getByTestId('scopes').getByRole('row', { name: /Label region=e2e-north/ })).toContainText('1')
  const row = page.getByTestId('subscriber').filter({ hasText: email })
  await expect(row).toContainText('not confirmed')
  await expect(row).toContainText('region=e2e-north')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString()
  })
  expect(csv).toMatch(/^email,confirmed,/)
  expect(csv).toContain(`${email},false,,region=e2e-north`)

  await row.getByRole('button', { name: 'Remove' }).click()
  await page.getByTestId('confirm').click()
  await expect(page.getByTestId('subscriber').filter({ hasText: email })).toHaveCount(0)
  const left = await request.get('/api/subscribers', { headers: authorized })
  expect((await left.json()).data.some((subscriber: { email: string }) => subscriber.email === email)).toBe(false)
})

test('the notification pages fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, admin.email, admin.password)
  for (const path of ['/admin/webhooks', '/admin/subscribers', '/admin/queue']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390)
  }
  // The queue page counts each queue.
  await expect(page.getByTestId('queue-mail-delivery')).toBeVisible()
  await expect(page.getByTestId('queue-counts').getByRole('row')).toHaveCount(7)
})
