import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { startArticle } from './editorSupport'

/**
 * Where the caret is against what can be seen of it: the window and every scrolling element
 * around the body. `above`/`below` are how many pixels of the caret's line are hidden.
 */
async function caretPlace(page: Page): Promise<{ above: number; below: number }> {
  return page.evaluate(() => {
    const range = getSelection()!.getRangeAt(0)
    const rects = range.getClientRects()
    const caret = rects.length ? rects[rects.length - 1]! : range.getBoundingClientRect()
    let top = 0
    let bottom = innerHeight
    for (let el = range.startContainer.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el)
      if (!/(auto|scroll|hidden)/.test(style.overflowY)) continue
      const box = el.getBoundingClientRect()
      top = Math.max(top, box.top)
      bottom = Math.min(bottom, box.bottom)
    }
    return { above: Math.max(0, top - caret.top), below: Math.max(0, caret.bottom - bottom) }
  })
}

/** Scrolls the page (every scrolling ancestor of the body) by `dy`. */
async function scrollPage(page: Page, dy: number): Promise<void> {
  await page.evaluate((dy) => {
    const body = document.querySelector('.ProseMirror')!
    for (let el: Element | null = body; el; el = el.parentElement) {
      if (el.scrollHeight > el.clientHeight + 1) el.scrollTop += dy
    }
    window.scrollBy(0, dy)
  }, dy)
}

test('the caret stays in view while typing runs past the bottom of the window, and typing brings a caret scrolled away back', async ({
  page,
  harness
}) => {
  // Some hundred keys one by one, and a long body built first, on a shared machine.
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1200, height: 700 })
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  const sentence = 'Die Koalition hat sich nach zwölf Stunden auf einen Kompromiss geeinigt. '
  const paragraphs = body.locator(':scope > p')
  for (let i = 0; i < 20; i++) {
    await page.keyboard.insertText(sentence.repeat(3))
    await expect(paragraphs.nth(i)).toContainText(sentence.trim())
    await page.keyboard.press('Enter')
    await expect(paragraphs).toHaveCount(i + 2)
  }
  await page.keyboard.insertText('Letzter Absatz')
  await expect(body.locator(':scope > p')).toHaveCount(21)

  // The caret's line at the very bottom of what shows: what is typed now wraps below it.
  let place = await caretPlace(page)
  expect(place).toEqual({ above: 0, below: 0 })
  await scrollPage(page, -200)
  place = await caretPlace(page)
  expect(place.below).toBeGreaterThan(0)
  await scrollPage(page, 200)
  await page.keyboard.type(' und weiter geht es mit dem Text, den die Reporterin schreibt,', {
    delay: 20
  })
  await page.keyboard.type(' Zeile um Zeile über den unteren Rand hinaus.', { delay: 20 })
  expect(await caretPlace(page)).toEqual({ above: 0, below: 0 })
  await expect(body.locator(':scope > p').last()).toHaveText(
    'Letzter Absatz und weiter geht es mit dem Text, den die Reporterin schreibt, Zeile um Zeile über den unteren Rand hinaus.'
  )

  // Scrolled far away from the caret (reading further up): the next character brings it back.
  await scrollPage(page, -5000)
  expect((await caretPlace(page)).below).toBeGreaterThan(300)
  await page.keyboard.type('!')
  await expect(async () => expect(await caretPlace(page)).toEqual({ above: 0, below: 0 })).toPass({
    timeout: 2000
  })

  // A new paragraph (Enter, ProseMirror's own scrolling) at the bottom edge shows too.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Enter')
  await page.keyboard.type('Neu')
  expect(await caretPlace(page)).toEqual({ above: 0, below: 0 })
  await expect(body.locator(':scope > p').last()).toHaveText('Neu')
})
