import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { NewsroomApi } from '../src/shared/ipc'
import { test, expect } from './fixtures'
import { chooseFiles, makePhoto, startArticle } from './editorSupport'

const SHOTS = process.env.SHOTS_DIR ?? join(__dirname, '..', 'test-results')

/** Right-clicks the middle of an underline (the mark lies over the field, letting clicks through). */
async function rightClick(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox()
  if (!box) throw new Error('the word is not on screen')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' })
}

function fieldMarks(page: Page, id: string): Locator {
  return page.locator('.spell-field', { has: page.locator(`#${id}`) }).locator('.spell-mark')
}

test('a misspelt word in the headline is underlined and the context menu replaces it', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await headline.click()
  await page.keyboard.type('Der Bundestgg tagt in Berlin')
  const marks = fieldMarks(page, 'field-headline')
  await expect(marks).toHaveText(['Bundestgg'])

  // The underline lies under the word: it starts after "Der " and is as wide as the word.
  const field = await headline.boundingBox()
  const mark = await marks.first().boundingBox()
  expect(field && mark).toBeTruthy()
  expect(mark!.x).toBeGreaterThan(field!.x + 40)
  expect(mark!.x + mark!.width).toBeLessThan(field!.x + field!.width / 2)
  expect(mark!.y).toBeGreaterThanOrEqual(field!.y)
  expect(mark!.y + mark!.height).toBeLessThanOrEqual(field!.y + field!.height)

  await rightClick(page, marks.first())
  const menu = page.getByRole('menu', { name: 'Spelling of “Bundestgg”' })
  await expect(menu.getByRole('menuitem', { name: 'Bundestag', exact: true })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Bundestag', exact: true })).toBeFocused()
  await page.screenshot({ path: join(SHOTS, 'spelling-field-menu.png') })
  await menu.getByRole('menuitem', { name: 'Bundestag', exact: true }).click()
  await expect(menu).toHaveCount(0)
  await expect(headline).toHaveValue('Der Bundestag tagt in Berlin')
  await expect(headline).toBeFocused()
  await expect(marks).toHaveCount(0)

  // Typing goes on where it was: the caret stands after the replaced word.
  await page.keyboard.type('!')
  await expect(headline).toHaveValue('Der Bundestag! tagt in Berlin')

  // The keyboard opens it too (Shift+F10 with the caret in the word), Escape goes back.
  const teaser = page.getByRole('textbox', { name: 'Teaser' })
  await teaser.click()
  await page.keyboard.type('Ein Tipfehler im Vorspann')
  await expect(fieldMarks(page, 'field-teaser')).toHaveText(['Tipfehler'])
  for (let i = 0; i < 'im Vorspann'.length + 3; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Shift+F10')
  const teaserMenu = page.getByRole('menu', { name: 'Spelling of “Tipfehler”' })
  await expect(teaserMenu).toBeVisible()
  await expect(teaserMenu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(teaserMenu).toHaveCount(0)
  await expect(teaser).toBeFocused()
  await page.keyboard.press('Shift+F10')
  await page.keyboard.press('ArrowDown')
  // Ignore once, then the word in the teaser has no underline.
  await teaserMenu.getByRole('menuitem', { name: 'Ignore here' }).click()
  await expect(fieldMarks(page, 'field-teaser')).toHaveCount(0)
  await expect(teaser).toHaveValue('Ein Tipfehler im Vorspann')
})

test('in the body the context menu replaces, ignores once and adds a name with its genitive', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const headline = page.getByRole('textbox', { name: 'Headline' })
  await headline.fill('Kims Gipfel')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type(
    'Der Bundestgg tagte. Kim sprach mit Tipfehler und noch einmal Tipfehler. Kims Rede war kurz.'
  )
  const underlined = body.locator('.spelling-error')
  await expect(underlined).toHaveText(['Bundestgg', 'Kim', 'Tipfehler', 'Tipfehler', 'Kims'])
  await expect(fieldMarks(page, 'field-headline')).toHaveText(['Kims'])

  // Replace.
  await underlined.first().click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Spelling of “Bundestgg”' })
  await menu.getByRole('menuitem', { name: 'Bundestag', exact: true }).click()
  await expect(body).toContainText('Der Bundestag tagte.')
  await expect(underlined).toHaveText(['Kim', 'Tipfehler', 'Tipfehler', 'Kims'])

  // Ignore once: only the second "Tipfehler" loses its underline.
  await underlined.nth(2).click({ button: 'right' })
  await page
    .getByRole('menu', { name: 'Spelling of “Tipfehler”' })
    .getByRole('menuitem', { name: 'Ignore here' })
    .click()
  await expect(underlined).toHaveText(['Kim', 'Tipfehler', 'Kims'])
  await expect(body).toContainText('und noch einmal Tipfehler.')

  // Shift+F10 with the caret in a word opens the menu there.
  await underlined.nth(1).click()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menu', { name: 'Spelling of “Tipfehler”' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(body).toBeFocused()

  // Add: the name and its genitive pass everywhere, in the body and in the headline.
  await underlined.first().click({ button: 'right' })
  const kimMenu = page.getByRole('menu', { name: 'Spelling of “Kim”' })
  await page.screenshot({ path: join(SHOTS, 'spelling-body-menu.png') })
  await kimMenu.getByRole('menuitem', { name: 'Add to word list' }).click()
  await expect(kimMenu).toHaveCount(0)
  await expect(underlined).toHaveText(['Tipfehler'])
  await expect(fieldMarks(page, 'field-headline')).toHaveCount(0)
  await expect(body).toContainText('Kim sprach mit Tipfehler')
})

test('the word list in the settings adds a word like a dictionary word, refusing an unknown model', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog.getByText('No words yet.')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'New word' }).fill('Magadan')
  await dialog.getByRole('textbox', { name: 'Forms like (optional)' }).fill('Hamburgg')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('“Hamburgg” is in none of the dictionaries')
  await expect(dialog.getByText('No words yet.')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Forms like (optional)' }).fill('Hamburg')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  const list = dialog.getByRole('list', { name: 'Newsroom word list' })
  await expect(list.getByRole('listitem')).toHaveText(['Magadan×'])
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('group', { name: 'Newsroom word list' }).screenshot({
    path: join(SHOTS, 'spelling-wordlist-settings.png')
  })
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'New article' }).first().click()
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Magadans Hafen liegt bei Magadan, nicht bei Magadann.')
  await expect(body.locator('.spelling-error')).toHaveText(['Magadann'])
})

test('German desk: a lead caption is underlined and its menu (in German) replaces the word', async ({
  page,
  harness
}) => {
  const photoDir = await mkdtemp(join(tmpdir(), 'copydesk-spellphoto-'))
  const photo = await makePhoto(photoDir, 'hafen.jpg', '#335577', { caption: 'Der Hafen' })
  await page.goto(harness.url)
  await page.evaluate(() =>
    (window as unknown as { newsroom: NewsroomApi }).newsroom.setSettings({ uiLanguage: 'de' })
  )
  await page.reload()
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await page
    .getByRole('textbox', { name: 'Überschrift', exact: true })
    .fill('Gipfel in Wladiwostokk')
  const images = page.locator('.side-section-head', { hasText: /^Bilder/ })
  if (
    (await images.count()) > 0 &&
    (await images.first().getAttribute('aria-expanded')) === 'false'
  )
    await images.first().click()
  const lead = page.getByRole('region', { name: 'Aufmacherbild' })
  await chooseFiles(page, () => lead.getByRole('button', { name: 'Foto auswählen…' }).click(), [
    photo
  ])
  const caption = lead.getByRole('textbox', { name: 'Bildtext' })
  await caption.click()
  await page.keyboard.type('Der Kanzlr im Hafen')
  const marks = fieldMarks(page, 'lead-caption')
  await expect(marks).toHaveText(['Kanzlr'])
  await expect(fieldMarks(page, 'field-headline')).toHaveText(['Wladiwostokk'])

  await rightClick(page, marks.first())
  const menu = page.getByRole('menu', { name: 'Rechtschreibung von „Kanzlr“' })
  await expect(menu.getByRole('menuitem', { name: 'Kanzler', exact: true })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Hier ignorieren' })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Zur Wortliste hinzufügen' })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'spelling-caption-menu-de.png') })
  await menu.getByRole('menuitem', { name: 'Kanzler', exact: true }).click()
  await expect(caption).toHaveValue('Der Kanzler im Hafen')
  await expect(marks).toHaveCount(0)
  await rm(photoDir, { recursive: true, force: true })
})
