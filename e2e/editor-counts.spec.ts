import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

test('the counts under the body follow typing, deleting and the interface language', async ({
  page,
  harness
}) => {
  // Some hundred keys typed one by one on a shared machine.
  test.setTimeout(120_000)
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  const stats = page.locator('.body-stats')
  await body.click()
  await page.keyboard.type('Die Koalition hat sich geeinigt.')
  await expect(stats).toHaveText('5 words32 characters28 without spaces1 min read')

  // Typing on without a pause: the line follows (it may lag a moment, never stop).
  await page.keyboard.press('Enter')
  await page.keyboard.type('Eins zwei drei vier fünf sechs sieben acht neun zehn', { delay: 30 })
  await expect(stats).toContainText('15 words')
  await page.keyboard.press('Enter')
  await page.keyboard.type('wort '.repeat(40))
  await expect(stats).toContainText('55 words')

  // Deleting counts too.
  await body.locator('p').last().click({ clickCount: 3 })
  await page.keyboard.press('Backspace')
  await expect(stats).toHaveText(/^15 words/)

  await page.getByRole('button', { name: 'Settings' }).click()
  // The dialog renames itself as the interface switches to German.
  const dialog = page.getByRole('dialog', { name: /^(Settings|Einstellungen)$/ })
  await dialog.getByLabel(/Interface language|Sprache/).selectOption('de')
  await dialog.getByRole('button', { name: /Close|Schließen/ }).click()
  await expect(stats).toContainText('15 Wörter')
})
