import { expect, test } from '@playwright/test'

test('the API reference renders from our own origin only', async ({ page, baseURL }) => {
  const foreign: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url())
  })
  await page.goto('/api/docs')
  await expect(page.getByText('SCS Status Page API')).toBeVisible()
  await expect(page.getByText('/components/{componentId}').first()).toBeVisible()
  expect(foreign).toEqual([])
})
