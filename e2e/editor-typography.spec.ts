import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

test('typographic quotes and dashes follow the article language and the settings switch, live', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  const paragraphs = body.locator(':scope > p')
  await body.click()
  await page.keyboard.type('Er sagte "Ja" - endlich...')
  await expect(paragraphs.last()).toHaveText('Er sagte „Ja“ – endlich…')

  await page.getByLabel('Article language').selectOption('de-CH')
  await paragraphs.last().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('"Grüezi"')
  await expect(paragraphs.last()).toHaveText('«Grüezi»')

  await page.getByLabel('Article language').selectOption('en-GB')
  await paragraphs.last().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('"Hello" - it\'s done')
  await expect(paragraphs.last()).toHaveText('“Hello” – it’s done')

  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  // The dialog saves the setting and then shows it: click, then wait for the saved state.
  const smartQuotes = dialog.getByLabel('Typographic quotes and dashes while typing')
  await smartQuotes.click()
  await expect(smartQuotes).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await paragraphs.last().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('"straight" - as typed')
  await expect(paragraphs.last()).toHaveText('"straight" - as typed')
})
