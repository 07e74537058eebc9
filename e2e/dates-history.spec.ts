import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import type { NewsroomApi } from '../src/shared/ipc'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

type NewsroomWindow = { newsroom: NewsroomApi }

/*
 * The German desk on deadline: dates typed as a German reads them, whatever the machine's locale
 * (Playwright runs Chromium with en-GB), the history as a reader sees it, German messages for
 * double clicks and wrong files, German dates in the library, and no empty drafts left behind.
 */

const SHOTS = '/work/notes/shots'

async function inGerman(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.evaluate(() =>
    (window as unknown as NewsroomWindow).newsroom.setSettings({ uiLanguage: 'de' })
  )
  await page.reload()
  await expect(page.getByRole('button', { name: 'Neuer Artikel' }).first()).toBeVisible()
}

async function stored(libraryDir: string, id: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(libraryDir, 'articles', `${id}.json`), 'utf8')
  return (JSON.parse(text) as { article: Record<string, unknown> }).article
}

function articleIdOf(page: Page): string {
  const match = /#\/article\/([0-9a-f-]{36})/.exec(page.url())
  if (!match) throw new Error(`not on an article page: ${page.url()}`)
  return match[1] as string
}

/** Opens a collapsible side section if the desk shows it closed. */
async function openSection(page: Page, name: RegExp): Promise<void> {
  const head = page.locator('.side-section-head', { hasText: name })
  if ((await head.count()) === 0) return
  if ((await head.first().getAttribute('aria-expanded')) === 'false') await head.first().click()
}

async function savedInGerman(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toHaveText(/Gespeichert \d\d:\d\d/)
}

test('German dates: 02.05.2024 and 14:30 typed, stored as that instant in the article zone', async ({
  page,
  harness
}) => {
  await inGerman(page, harness.url)
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await page
    .getByRole('textbox', { name: 'Überschrift', exact: true })
    .fill('Gipfel in Wladiwostok')
  const id = articleIdOf(page)
  await openSection(page, /Zeitpunkt/)

  const date = page.getByLabel('Erscheinungsdatum: Datum')
  const time = page.getByLabel('Erscheinungsdatum: Uhrzeit')
  await expect(date).toHaveAttribute('placeholder', 'TT.MM.JJJJ')
  await date.click()
  await page.keyboard.type('02.05.2024')
  await page.keyboard.press('Tab')
  await expect(time).toBeFocused()
  await page.keyboard.type('14:30')
  await page.keyboard.press('Tab')
  await savedInGerman(page)
  await expect
    .poll(async () => (await stored(harness.libraryDir, id)).publishedAt)
    .toBe('2024-05-02T14:30:00+02:00')
  await expect(date).toHaveValue('02.05.2024')
  await expect(time).toHaveValue('14:30')
  const publication = page.getByRole('group', { name: 'Erscheinungsdatum' })
  await expect(publication).toContainText('Uhrzeit in Europe/Berlin (UTC+2)')

  // A day the calendar does not have: a German message, nothing stored.
  const embargo = page.getByLabel('Sperrfrist bis: Datum')
  await embargo.fill('31.02.2024')
  await embargo.press('Enter')
  await expect(page.getByRole('alert')).toHaveText(
    /„31\.02\.2024“: Diesen Tag gibt es im Kalender nicht\./
  )
  await expect(embargo).toHaveAttribute('aria-invalid', 'true')
  expect((await stored(harness.libraryDir, id)).embargoedUntil).toBeNull()
  // Slashes are ambiguous; the message says how to type it.
  await embargo.fill('02/05/2024')
  await embargo.press('Enter')
  await expect(page.getByRole('alert')).toContainText('mehrdeutig')
  await embargo.fill('3.5.24')
  await embargo.press('Enter')
  await expect(embargo).toHaveValue('03.05.2024')
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Arrow keys step a day and five minutes.
  await date.press('ArrowUp')
  await expect(date).toHaveValue('03.05.2024')
  await time.press('ArrowDown')
  await expect(time).toHaveValue('14:25')
  await savedInGerman(page)
  await expect
    .poll(async () => (await stored(harness.libraryDir, id)).publishedAt)
    .toBe('2024-05-03T14:25:00+02:00')

  await mkdir(SHOTS, { recursive: true })
  await publication.scrollIntoViewIfNeeded()
  await page.locator('.editor-side').screenshot({ path: join(SHOTS, 'dates-de.png') })

  // The time zone list speaks current IANA names.
  const zone = page.locator('#field-timezone')
  await expect(zone.locator('option[value="Europe/Kyiv"]')).toHaveCount(1)
  await expect(zone.locator('option[value="Asia/Kolkata"]')).toHaveCount(1)
  await expect(zone.locator('option[value="Europe/Kiev"]')).toHaveCount(0)
  await expect(zone.locator('option[value="Asia/Calcutta"]')).toHaveCount(0)
})

test('English dates: 2 May 2024 and 2:30 pm typed, the same instant; an ambiguous 02/05 refused', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Summit ends')
  const id = articleIdOf(page)
  await openSection(page, /Timing/)
  const date = page.getByLabel('Publication date: Date')
  const time = page.getByLabel('Publication date: Time')
  await date.fill('02/05/2024')
  await date.press('Enter')
  await expect(page.getByRole('alert')).toContainText('ambiguous (2 May or 5 February?)')
  await date.fill('2 May 2024')
  await date.press('Tab')
  await expect(time).toBeFocused()
  await page.keyboard.type('2:30 pm')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(time).toHaveValue('2:30 pm')
  await expect(page.locator('.save-status')).toHaveText(/Saved \d\d:\d\d/)
  await expect
    .poll(async () => (await stored(harness.libraryDir, id)).publishedAt)
    .toBe('2024-05-02T14:30:00+02:00')
})

test('an article stored with a legacy zone name shows the current one and keeps its times', async ({
  page,
  harness
}) => {
  await inGerman(page, harness.url)
  const id = await page.evaluate(async () => {
    const r = await (window as unknown as NewsroomWindow).newsroom.createArticle({
      headline: 'Lage in Kyjiw',
      timeZone: 'Europe/Kiev',
      publishedAt: '2024-05-02T14:30:00+03:00'
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.value.id
  })
  await page.goto(`${harness.url}#/article/${id}`)
  await openSection(page, /Zeitpunkt/)
  await expect(page.locator('#field-timezone')).toHaveValue('Europe/Kyiv')
  await expect(page.getByLabel('Erscheinungsdatum: Datum')).toHaveValue('02.05.2024')
  await expect(page.getByLabel('Erscheinungsdatum: Uhrzeit')).toHaveValue('14:30')
  await expect(page.getByRole('group', { name: 'Erscheinungsdatum' })).toContainText(
    'Uhrzeit in Europe/Kyiv (UTC+3)'
  )
})

test.describe('history as a reader sees it', () => {
  let libraryDir: string
  let url: string
  let stop: () => Promise<void>

  test.beforeEach(async () => {
    libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-dates-history-'))
    const started = await startHarnessProcess(libraryDir, ['--history-coalesce-ms', '0'])
    url = started.url
    stop = () => stopHarnessProcess(started.child)
  })
  test.afterEach(async () => {
    await stop()
    await rm(libraryDir, { recursive: true, force: true })
  })

  test('the comparison marks insertions and deletions, shows images, and restore asks first', async ({
    page
  }) => {
    await inGerman(page, url)
    const photo = async (colour: string): Promise<string> =>
      (
        await sharp({ create: { width: 160, height: 120, channels: 3, background: colour } })
          .jpeg()
          .toBuffer()
      ).toString('base64')
    const [red, blue] = [await photo('#b02020'), await photo('#2040b0')]
    const id = await page.evaluate(
      async ({ red, blue }) => {
        const n = (window as unknown as NewsroomWindow).newsroom
        const imported = await n.importAssets({
          files: [
            { name: 'hafen.jpg', base64: red },
            { name: 'gipfel.jpg', base64: blue }
          ]
        })
        if (!imported.ok) throw new Error(imported.error.message)
        const [a, b] = imported.value.map((r) => ('assetId' in r ? r.assetId : ''))
        const p = (text: string): unknown => ({
          type: 'paragraph',
          content: [{ type: 'text', text }]
        })
        const figure = (assetId: string, caption: string): unknown => ({
          type: 'figure',
          attrs: { assetId },
          content: [{ type: 'figureCaption', content: [{ type: 'text', text: caption }] }]
        })
        const created = await n.createArticle({
          headline: 'Gipfel in Wladiwostok',
          bylines: ['Anna Berg'],
          body: {
            type: 'doc',
            content: [p('Kim trifft Putin am Hafen.'), figure(a, 'Der Hafen'), p('Ende.')]
          } as never
        })
        if (!created.ok) throw new Error(created.error.message)
        const saved = await n.saveArticle({
          id: created.value.id,
          baseRevision: created.value.revision,
          patch: {
            headline: 'Gipfel in Wladiwostok beendet',
            bylines: ['Anna Berg', 'Jan Roth'],
            body: {
              type: 'doc',
              content: [
                p('Kim trifft Putin im Hafen.'),
                figure(b, 'Das Gipfeltreffen'),
                p('Ende.'),
                p('Ein neuer Absatz.')
              ]
            } as never
          }
        })
        if (!saved.ok) throw new Error(saved.error.message)
        return created.value.id
      },
      { red, blue }
    )
    await page.goto(`${url}#/article/${id}`)
    await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toHaveValue(
      'Gipfel in Wladiwostok beendet'
    )

    await page.getByRole('button', { name: 'Verlauf' }).click()
    const dialog = page.getByRole('dialog', { name: 'Gespeicherte Fassungen' })
    const versions = dialog
      .getByRole('list', { name: 'Gespeicherte Fassungen' })
      .getByRole('button')
    await expect(versions).toHaveCount(2)
    await expect(versions.first()).toContainText('aktuell')
    await expect(versions.nth(1)).toContainText(/Revision 1 · heute, \d\d:\d\d/)
    await versions.nth(1).click()

    // Fields by their German names, words marked; never JSON.
    const headline = dialog.locator('.field-change', { hasText: 'Überschrift' })
    await expect(headline.locator('ins')).toHaveText('beendet')
    const bylines = dialog.locator('.field-change', { hasText: 'Autor:innen' })
    await expect(bylines.locator('ins')).toHaveText('Jan Roth')
    await expect(dialog).not.toContainText('"')
    await expect(dialog).not.toContainText('headline')

    // Body paragraphs: a word replaced, a paragraph added; underlined and struck through too.
    const body = dialog.locator('.diff-body')
    await expect(body.locator('del', { hasText: 'am' })).toBeVisible()
    const inserted = body.locator('ins', { hasText: 'im' }).first()
    await expect(inserted).toBeVisible()
    expect(await inserted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'underline'
    )
    expect(
      await body
        .locator('del', { hasText: 'am' })
        .evaluate((el) => getComputedStyle(el).textDecorationLine)
    ).toBe('line-through')
    await expect(body.locator('ins', { hasText: 'Ein neuer Absatz.' })).toBeVisible()
    // The images as thumbnails: the old one removed, the new one added, both loaded.
    const removed = body.getByRole('img', { name: 'Bild entfernt' })
    const added = body.getByRole('img', { name: 'Bild eingefügt' })
    await expect(removed).toBeVisible()
    await expect(added).toBeVisible()
    expect(await added.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)

    await mkdir(SHOTS, { recursive: true })
    await dialog.screenshot({ path: join(SHOTS, 'history-de.png') })

    // Restoring asks first and says the current text stays in the history.
    await dialog.getByRole('button', { name: 'Diese Fassung wiederherstellen' }).click()
    const confirm = dialog.getByRole('alertdialog')
    await expect(confirm).toContainText('Der aktuelle Text bleibt im Verlauf erhalten')
    await confirm.getByRole('button', { name: 'Abbrechen' }).click()
    await expect(confirm).toHaveCount(0)
    expect((await stored(libraryDir, id)).headline).toBe('Gipfel in Wladiwostok beendet')

    await dialog.getByRole('button', { name: 'Diese Fassung wiederherstellen' }).click()
    await dialog.screenshot({ path: join(SHOTS, 'history-restore-confirm-de.png') })
    await confirm.getByRole('button', { name: 'Wiederherstellen' }).dblclick()
    await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toHaveValue(
      'Gipfel in Wladiwostok'
    )
    await expect(page.getByRole('alert')).toHaveCount(0)

    await page.getByRole('button', { name: 'Verlauf' }).click()
    const after = dialog.getByRole('list', { name: 'Gespeicherte Fassungen' }).getByRole('button')
    await expect(after).toHaveCount(3)
    // The text that was current before the restore is still there.
    await after.nth(1).click()
    await expect(
      dialog.locator('.field-change', { hasText: 'Überschrift' }).locator('del')
    ).toHaveText('beendet')
  })
})

test('German messages: a double "In den Papierkorb", and a PDF given to package import', async ({
  page,
  harness
}) => {
  await inGerman(page, harness.url)
  await page.evaluate(async () => {
    for (const headline of ['Haushalt beschlossen', 'Streik am Flughafen']) {
      const r = await (window as unknown as NewsroomWindow).newsroom.createArticle({ headline })
      if (!r.ok) throw new Error(r.error.message)
    }
  })
  await page.reload()
  const list = page.getByRole('list', { name: 'Entwürfe' })
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await page
    .getByRole('group', { name: 'Aktionen für Haushalt beschlossen' })
    .getByRole('button', { name: 'In den Papierkorb' })
    .dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'liegt im Papierkorb' })).toHaveText(
    /„Haushalt beschlossen“ liegt im Papierkorb\./
  )
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Papierkorb (1)' })).toBeVisible()

  // Moved to the trash elsewhere (another window) while this list still shows it: done, quietly.
  await page.evaluate(async () => {
    const list = await (window as unknown as NewsroomWindow).newsroom.listArticles({})
    if (!list.ok) throw new Error(list.error.message)
    const other = list.value.find((a) => a.headline === 'Streik am Flughafen')
    if (other) await (window as unknown as NewsroomWindow).newsroom.deleteArticle({ id: other.id })
  })
  await page
    .getByRole('group', { name: 'Aktionen für Streik am Flughafen' })
    .getByRole('button', { name: 'In den Papierkorb' })
    .click()
  await expect(page.getByRole('heading', { name: /Noch keine Entwürfe/ })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Restore clicked twice: back once, no error.
  await page.getByRole('button', { name: 'Papierkorb (2)' }).click()
  const trash = page.getByRole('list', { name: 'Papierkorb' })
  await trash
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: 'Wiederherstellen' })
    .dblclick()
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('alert')).toHaveCount(0)

  // A PDF where a package belongs: a German sentence, not the unzip library's words.
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
  )
  await page.getByTestId('package-input').setInputFiles({
    name: 'bericht.pdf',
    mimeType: 'application/pdf',
    buffer: pdf
  })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('bericht.pdf')
  await expect(alert).toContainText(/nicht importiert/)
  await expect(alert).not.toContainText(/central directory|signature|refused|Package|ZIP file/i)
})

test('the library shows the last change in German, and an empty new draft is not kept', async ({
  page,
  harness
}) => {
  await inGerman(page, harness.url)

  // Opened and left without a word: gone, from the list and from the disk.
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toBeFocused()
  await page.getByRole('button', { name: /Zurück zur Bibliothek/ }).click()
  await expect(page.getByRole('heading', { name: /Noch keine Entwürfe/ })).toBeVisible()
  await expect.poll(() => readdir(join(harness.libraryDir, 'articles'))).toEqual([])

  // Left through the app bar while a setting changed but no text: gone too.
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toBeFocused()
  await page.getByRole('button', { name: 'Entwürfe', exact: true }).click()
  await expect(page.getByRole('heading', { name: /Noch keine Entwürfe/ })).toBeVisible()

  // With a headline typed it stays, and its date reads German.
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await page
    .getByRole('textbox', { name: 'Überschrift', exact: true })
    .fill('Koalition einigt sich')
  await page.getByRole('button', { name: /Zurück zur Bibliothek/ }).click()
  const row = page.getByRole('list', { name: 'Entwürfe' }).getByRole('listitem')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(/Geändert heute, \d\d:\d\d/)

  // Typed, then deleted again before leaving: it was given content, so it stays.
  await page.getByRole('button', { name: 'Neuer Artikel' }).first().click()
  await page.getByRole('textbox', { name: 'Überschrift', exact: true }).fill('Entwurf')
  await savedInGerman(page)
  await page.getByRole('textbox', { name: 'Überschrift', exact: true }).fill('')
  await savedInGerman(page)
  await page.getByRole('button', { name: /Zurück zur Bibliothek/ }).click()
  await expect(row).toHaveCount(2)
})
