// The operator's journey with the keyboard only: Tab, Shift+Tab, Enter, Space, the arrows and
// Escape, never a click (operatorJourney in support.ts).
import { test } from '@playwright/test'
import { keyboardOperator, operatorJourney } from './support'

// Chromium's datetime-local takes typed digits in the order of its locale.
test.use({ locale: 'en-US' })

test('an operator does the whole journey with the keyboard only', async ({ page }) => {
  test.setTimeout(240_000)
  await operatorJourney(page, keyboardOperator(page), 'Keyboard journey: API timeouts')
})
