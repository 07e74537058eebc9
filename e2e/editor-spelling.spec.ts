import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

test('unknown words are underlined by the spelling service, in the article language', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Der Kanzler sprach im Bundestgg über den Haushaltsstreit.')
  const underlined = body.locator('.spelling-error')
  await expect(underlined).toHaveText(['Bundestgg'])

  // The same sentence checked as English: the German words are unknown there.
  await page.getByLabel('Article language').selectOption('en-GB')
  await expect(underlined).toContainText(['Kanzler', 'sprach'])
  await page.getByLabel('Article language').selectOption('de')
  await expect(underlined).toHaveText(['Bundestgg'])

  // Fixing the word removes its underline; the underline is never part of the stored text.
  await underlined.first().dblclick()
  await page.keyboard.type('Bundestag')
  await expect(underlined).toHaveCount(0)
  await expect(body).toContainText('Der Kanzler sprach im Bundestag über den Haushaltsstreit.')
})
