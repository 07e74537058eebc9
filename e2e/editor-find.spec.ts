import { test, expect } from './fixtures'
import { startArticle, storedArticle } from './editorSupport'

test('find and replace across the body and the fields, whole word and case', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  await page.getByLabel('Headline').fill('Kanzler spricht im Bundestag')
  await page.getByLabel('Teaser').fill('Der Kanzler und die Kanzlerin')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Der Kanzler sagte, die Kanzlerin kam. Kanzler!')

  await page.keyboard.press('Control+f')
  const panel = page.getByRole('search', { name: 'Find and replace' })
  const find = panel.getByRole('searchbox', { name: 'Find' })
  await expect(find).toBeFocused()
  await find.fill('Kanzler')
  // Without "whole word", "Kanzlerin" matches too.
  await expect(panel).toContainText('3 in the body, 3 in fields')
  await panel.getByRole('checkbox', { name: 'Whole word' }).check()
  await expect(panel).toContainText('2 in the body, 2 in fields')
  await expect(body.locator('.search-match')).toHaveCount(2)
  await panel.getByRole('checkbox', { name: 'Match case' }).check()
  await find.fill('kanzler')
  await expect(panel).toContainText('0 in the body, 0 in fields')
  await find.fill('Kanzler')
  await expect(panel).toContainText('2 in the body, 2 in fields')

  // Enter steps through the body's matches.
  await find.press('Enter')
  await expect(panel).toContainText('(at 1)')
  await expect(body.locator('.search-match-current')).toHaveText('Kanzler')

  // A match in a field is one click away.
  const fieldMatches = panel.getByRole('list', { name: 'Matches in fields' })
  await expect(fieldMatches.getByRole('button')).toHaveText(['Headline (1)', 'Teaser (1)'])
  await fieldMatches.getByRole('button', { name: 'Teaser (1)' }).click()
  await expect(page.getByLabel('Teaser')).toBeFocused()

  await panel.getByRole('textbox', { name: 'Replace with' }).fill('Präsident')
  await panel.getByRole('button', { name: 'Replace all' }).click()
  await expect(panel).toContainText('Replaced 2 in the body and 2 in fields')
  await expect(page.getByLabel('Headline')).toHaveValue('Präsident spricht im Bundestag')
  await expect(page.getByLabel('Teaser')).toHaveValue('Der Präsident und die Kanzlerin')
  await expect(body).toHaveText('Der Präsident sagte, die Kanzlerin kam. Präsident!')

  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(body.locator('.search-match')).toHaveCount(0)

  await expect
    .poll(async () => {
      const stored = (await storedArticle(harness.libraryDir)) as {
        headline: string
        teaser: string
        body: unknown
      }
      return [stored.headline, stored.teaser, JSON.stringify(stored.body).includes('Präsident!')]
    })
    .toEqual(['Präsident spricht im Bundestag', 'Der Präsident und die Kanzlerin', true])
})
