import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { chooseFiles, makePhoto, startArticle } from './editorSupport'

let photoDir = ''
test.beforeEach(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'copydesk-photos-'))
})
test.afterEach(async () => {
  await rm(photoDir, { recursive: true, force: true })
})

test('caption keyboard: Enter leaves the caption, Ctrl+A stays inside, paste is plain text, Backspace on empty selects the figure', async ({
  page,
  harness
}) => {
  const dom = await makePhoto(photoDir, 'dom.jpg', '#884400', { caption: 'Der Dom bei Nacht' })
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Vorher')
  await chooseFiles(page, () => page.getByRole('button', { name: 'Insert image' }).click(), [dom])
  const figure = body.getByRole('figure', { name: 'Image: dom.jpg' })
  const caption = figure.locator('figcaption')
  await expect(figure.locator('img')).toBeVisible()

  // The cursor is in the caption: type, then Enter goes on to the body text below the figure.
  await page.keyboard.type('Der Dom')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Danach')
  await expect(caption).toHaveText('Der Dom')
  await expect(body.locator(':scope > p')).toHaveText(['Vorher', 'Danach'])

  // Ctrl+A in a caption selects the caption only; a paste there drops formatting.
  await caption.click()
  await page.keyboard.press('Control+a')
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/html', '<p><b>Fetter</b> Bildtext<br>zweite Zeile</p>')
    data.setData('text/plain', 'Fetter Bildtext\nzweite Zeile')
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  })
  await expect(caption).toHaveText('Fetter Bildtext zweite Zeile')
  await expect(caption.locator('strong')).toHaveCount(0)
  await expect(body.locator(':scope > p')).toHaveText(['Vorher', 'Danach'])

  // Emptied, the caption shows the asset's caption greyed; Backspace then selects the figure,
  // and the next Backspace removes it.
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await expect(figure).toHaveClass(/is-caption-empty/)
  await expect(figure).not.toHaveClass(/is-selected/)
  await page.keyboard.press('Backspace')
  await expect(figure).toHaveClass(/is-selected/)
  await page.keyboard.press('Backspace')
  await expect(body.getByRole('figure')).toHaveCount(0)
  await expect(body.locator(':scope > p')).toHaveText(['Vorher', 'Danach'])
})
