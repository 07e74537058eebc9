import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { chooseFiles, makePhoto, startArticle, storedArticle } from './editorSupport'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

const CLI = resolve(__dirname, '../out/cli/index.js')

let work = ''
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-field-typography-'))
})
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function savedHeadline(libraryDir: string, expected: string): Promise<void> {
  await expect
    .poll(async () => (await storedArticle(libraryDir)).headline, { timeout: 10_000 })
    .toBe(expected)
}

test('a German article: the fields set „…“, ’, – and … as typed; undo and Backspace bring back what was typed', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const headline = page.getByRole('textbox', { name: 'Headline', exact: true })
  await headline.click()
  await page.keyboard.type('"Gipfel"')
  await expect(headline).toHaveValue('„Gipfel“')
  await page.keyboard.type(' in Wladiwostok - Tag 1...')
  await expect(headline).toHaveValue('„Gipfel“ in Wladiwostok – Tag 1…')
  await savedHeadline(harness.libraryDir, '„Gipfel“ in Wladiwostok – Tag 1…')

  // Ctrl+Z takes back the replacement first: the three dots come back.
  await page.keyboard.press('Control+z')
  await expect(headline).toHaveValue('„Gipfel“ in Wladiwostok – Tag 1...')
  // Backspace right after a replacement restores the straight character, as in the body.
  await page.keyboard.type(' "')
  await expect(headline).toHaveValue('„Gipfel“ in Wladiwostok – Tag 1... „')
  await page.keyboard.press('Backspace')
  await expect(headline).toHaveValue('„Gipfel“ in Wladiwostok – Tag 1... "')

  // Numbers, hyphenated words and web addresses stay as typed.
  const teaser = page.getByRole('textbox', { name: 'Teaser', exact: true })
  await teaser.click()
  await page.keyboard.type("Kim's Zug: 10-12 Uhr, E-Mail, www.kim's.de/a-b...")
  await expect(teaser).toHaveValue("Kim’s Zug: 10-12 Uhr, E-Mail, www.kim's.de/a-b...")

  const kicker = page.getByRole('textbox', { name: 'Kicker', exact: true })
  await kicker.click()
  await page.keyboard.type("'Nachtzug'")
  await expect(kicker).toHaveValue('‚Nachtzug‘')

  // A figure's credit input in the body follows the article language too.
  const photo = await makePhoto(work, 'zug.jpg', '#345')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await chooseFiles(page, () => page.getByRole('button', { name: 'Insert image' }).click(), [photo])
  const figure = page.getByRole('figure', { name: 'Image: zug.jpg' })
  const credit = figure.getByLabel('Credit')
  await credit.click()
  await page.keyboard.type('"Bahn-Archiv"')
  await expect(credit).toHaveValue('„Bahn-Archiv“')

  // The lead image's caption override, in the side column.
  const lead = page.getByRole('region', { name: 'Lead image' })
  const leadPhoto = await makePhoto(work, 'nachtzug.jpg', '#a53', { caption: 'Archiv' })
  await chooseFiles(page, () => lead.getByRole('button', { name: 'Choose a photo…' }).click(), [
    leadPhoto
  ])
  const caption = lead.getByRole('textbox', { name: 'Caption' })
  await caption.click()
  await page.keyboard.type(`Der "Nachtzug" - kurz vor Kim's Abfahrt...`)
  await expect(caption).toHaveValue('Der „Nachtzug“ – kurz vor Kim’s Abfahrt…')
  await page.screenshot({ path: test.info().outputPath('field-typography.png') })
})

async function openWith(
  page: Page,
  language: string,
  headline: string
): Promise<() => Promise<void>> {
  const library = join(work, `library-${language}`)
  const id = execFileSync(
    process.execPath,
    [CLI, '--library', library, 'new', '--headline', 'x', '--language', language],
    { encoding: 'utf8' }
  ).trim()
  const { url, child } = await startHarnessProcess(library)
  await page.goto(`${url}#/article/${id}`)
  const field = page.getByRole('textbox', { name: 'Headline', exact: true })
  await expect(field).toHaveValue('x')
  await field.fill('')
  await field.click()
  await page.keyboard.type(headline)
  return () => stopHarnessProcess(child)
}

test('an English article gets “…” and ’, a Swiss one «…» and ‹…›', async ({ page }) => {
  let stop = await openWith(page, 'en-GB', `"Summit" - Kim's 'last' word`)
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    '“Summit” – Kim’s ‘last’ word'
  )
  await stop()

  stop = await openWith(page, 'de-CH', `"Gipfel" und 'so'`)
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    '«Gipfel» und ‹so›'
  )
  await stop()
})

test('with typography switched off in the settings, the fields keep straight characters', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const smartQuotes = dialog.getByLabel('Typographic quotes and dashes while typing')
  await smartQuotes.click()
  await expect(smartQuotes).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Close' }).click()
  const headline = page.getByRole('textbox', { name: 'Headline', exact: true })
  await headline.click()
  await page.keyboard.type('"Gipfel" - ja...')
  await expect(headline).toHaveValue('"Gipfel" - ja...')
})
