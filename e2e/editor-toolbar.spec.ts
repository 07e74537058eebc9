import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

test('the toolbar is one tab stop with arrow keys inside, never takes the focus on click, and has a shortcut for each action', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  await body.click()
  await page.keyboard.type('Absatz')

  // Alt+F10 from the body enters the toolbar; arrows move, Escape goes back to the body.
  await page.keyboard.press('Alt+F10')
  await expect(toolbar.getByRole('button', { name: 'Paragraph' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(toolbar.getByRole('button', { name: 'Find and replace' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Paragraph' })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  // Redo is disabled (nothing undone): the arrow skips it.
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeFocused()
  // Only one button is in the tab order.
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1)
  await page.keyboard.press('Escape')
  await expect(body).toBeFocused()

  // Shortcuts and buttons agree (aria-pressed follows the selection), and tooltips name them.
  await page.keyboard.press('Control+Alt+3')
  await expect(toolbar.getByRole('button', { name: 'Heading 3' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await expect(body.getByRole('heading', { level: 3 })).toHaveText('Absatz')
  await page.keyboard.press('Control+Alt+0')
  await expect(toolbar.getByRole('button', { name: 'Paragraph' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await page.keyboard.press('Control+Shift+b')
  await expect(toolbar.getByRole('button', { name: 'Block quote' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await toolbar.getByRole('button', { name: 'Block quote' }).click()
  await expect(body).toBeFocused()
  await expect(body.locator('blockquote')).toHaveCount(0)
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute(
    'title',
    'Bold (Ctrl+B)'
  )
  await expect(toolbar.getByRole('button', { name: 'Numbered list' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Control+Shift+7'
  )

  // A pull quote by shortcut: Enter goes from the quote to the attribution, then out.
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+Alt+q')
  await page.keyboard.type('Wir haben uns geeinigt')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Olaf Scholz')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Weiter im Text')
  const quote = body.getByRole('figure', { name: 'Pull quote' })
  await expect(quote.locator('blockquote')).toHaveText('Wir haben uns geeinigt')
  await expect(quote.locator('figcaption')).toHaveText('Olaf Scholz')
  await expect(body.locator(':scope > p').last()).toHaveText('Weiter im Text')

  // Undo from the toolbar, without losing the place in the body.
  await toolbar.getByRole('button', { name: 'Undo' }).click()
  await expect(body).toBeFocused()
  await expect(body.locator(':scope > p').last()).not.toHaveText('Weiter im Text')
})
