import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

/**
 * Presses a shortcut in the body and types text in the same task, before the page renders
 * again: what a fast typist (or a loaded machine) does. The text must land in the new block.
 */
async function shortcutThenType(page: Page, key: string, text: string): Promise<void> {
  await page.evaluate(
    ({ key, text }) => {
      const body = document.querySelector('.ProseMirror') as HTMLElement
      body.dispatchEvent(
        new KeyboardEvent('keydown', {
          key,
          ctrlKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true
        })
      )
      document.execCommand('insertText', false, text)
    },
    { key, text }
  )
}

test('text typed at once into a new list or quotation lands inside it', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Der Haushalt steht.')
  await page.keyboard.press('Enter')
  await shortcutThenType(page, '8', 'Mehr Geld für Schulen')
  await expect(body.getByRole('listitem')).toHaveText(['Mehr Geld für Schulen'])
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await shortcutThenType(page, '7', 'Erstens')
  await expect(body.locator('ol > li')).toHaveText(['Erstens'])
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await shortcutThenType(page, 'b', 'Ein Zitat')
  await expect(body.locator('blockquote')).toHaveText('Ein Zitat')
  // Nothing strayed between the blocks (the empty paragraph is the editor's own after a
  // quotation that ends the body).
  await expect(body.locator(':scope > p')).toHaveText(['Der Haushalt steht.', ''])
})
