// Subscribing from the public page, with JavaScript off and on: subscribe, confirm by the mail's
// link, change what it covers, delete it. The servers send mail to mailPort, where this spec
// listens while it runs.
import { expect, test, type Page } from '@playwright/test'
import { mailPort } from '../../playwright.config'
import { startMailbox } from '../support/mailbox'
import { delayScripts, DEMO, expectAccessible, gotoReady, whenHydrated } from './support'

let mailbox: Awaited<ReturnType<typeof startMailbox>>
test.beforeAll(async () => {
  mailbox = await startMailbox(mailPort)
})
test.afterAll(async () => {
  await mailbox?.close()
})

/** The path of the confirmation link in the mail to `email`. */
async function confirmationPath(email: string) {
  const link = /https?:\/\/\S+\/subscriptions\/confirm\?token=[\w-]{43}/.exec((await mailbox.waitFor(email)).text || '')
  expect(link, 'confirmation link').not.toBeNull()
  const url = new URL(link![0])
  return `${url.pathname}${url.search}`
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })
    const open = (page: Page, path: string) => javaScriptEnabled ? gotoReady(page, path) : page.goto(path)

    test('a visitor subscribes, confirms, changes and deletes the subscription', async ({ page }, testInfo) => {
      // The browser renders the forms as the server did (the time zones come in the payload).
      const mismatches: string[] = []
      page.on('console', message => /hydration/i.test(message.text()) && mismatches.push(message.text()))
      const email = `visitor-${javaScriptEnabled ? 'js' : 'plain'}-${testInfo.project.name}-${Date.now()}@example.test`
      await open(page, '/')
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Subscribe' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscribe by email')
      // The overview comes without the app, so the subscription page was loaded anew.
      if (javaScriptEnabled) await whenHydrated(page)
      await page.getByLabel('Email address').fill(email)
      await page.getByRole('checkbox', { name: DEMO.component, exact: true }).check()
      await page.getByRole('button', { name: 'Subscribe' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your mailbox')

      await open(page, await confirmationPath(email))
      await expect(page.getByText(`Confirm that ${email} should get mail`)).toBeVisible()
      if (javaScriptEnabled) await expectAccessible(page)
      await page.getByRole('button', { name: 'Confirm' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscription confirmed')
      await expect(page.getByTestId('subscription-summary')).toContainText(DEMO.component)

      await page.getByRole('link', { name: 'Change or end the subscription' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your subscription')
      if (javaScriptEnabled) await expectAccessible(page)
      await page.getByRole('checkbox', { name: DEMO.component, exact: true }).uncheck()
      await page.getByRole('group', { name: 'region', exact: true }).getByRole('radio', { name: 'de-east', exact: true }).check()
      await page.getByLabel('Language of the mails').selectOption('de')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect(page.getByTestId('subscription-saved')).toBeVisible()
      const summary = page.getByTestId('subscription-summary')
      await expect(summary).toContainText('region: de-east')
      await expect(summary).toContainText('Deutsch')
      await expect(summary).not.toContainText(DEMO.component)

      await page.getByRole('button', { name: 'Delete the subscription' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscription deleted')
      expect(mismatches).toEqual([])
    })

    test('an address the server refuses comes back with the message at its field', async ({ page }) => {
      await open(page, '/subscribe')
      // The browser takes it as an address; the server wants a domain with a dot.
      await page.getByLabel('Email address').fill('someone@localhost')
      await page.getByRole('button', { name: 'Subscribe' }).click()
      await expect(page).toHaveURL(/\/subscribe\?error=email$/)
      await expect(page.getByRole('alert')).toContainText('Enter a valid email address.')
      await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true')
      if (javaScriptEnabled) await expectAccessible(page)
    })
  })
}

test('what a visitor enters before the subscription page has hydrated is kept', async ({ page }) => {
  await delayScripts(page)
  await page.goto('/subscribe', { waitUntil: 'commit' })
  const email = page.getByLabel('Email address')
  const component = page.getByRole('checkbox', { name: DEMO.component, exact: true })
  await email.fill('early-visitor@example.test')
  await component.check()
  await whenHydrated(page)
  await expect(email).toHaveValue('early-visitor@example.test')
  await expect(component).toBeChecked()
})
