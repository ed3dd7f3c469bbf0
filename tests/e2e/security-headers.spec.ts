import { expect, test, type Page } from '@playwright/test'
import { admin } from '../../playwright.config'
import { gotoReady, whenHydrated } from './support'

// The pages run under their Content-Security-Policy: Nuxt's inline scripts are allowed by hash,
// the app hydrates, and the browser reports no violation anywhere on the way through.

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  page.on('load', () => page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', event => console.error(`Refused to ${event.violatedDirective}: ${event.blockedURI}`))
  }).catch(() => {}))
  return violations
}

// A sign-in costs a password hash (scrypt, N = 2^17), which takes a while on a busy machine.
test.setTimeout(180_000)

test('the public pages run their scripts without a CSP violation', async ({ page }) => {
  const violations = watchViolations(page)
  // The status pages have no inline script, so the policy names none.
  for (const path of ['/', '/history']) {
    const response = await gotoReady(page, path)
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';/)
  }
  // The subscription page is the app's, whose inline scripts are allowed by hash.
  const response = await gotoReady(page, '/subscribe')
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
  expect(violations).toEqual([])
})

test('the admin area signs in and works without a CSP violation', async ({ page }) => {
  const violations = watchViolations(page)
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/)
  await whenHydrated(page)
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 120_000 })
  await page.goto('/admin/incidents')
  await whenHydrated(page)
  expect(violations).toEqual([])
})
