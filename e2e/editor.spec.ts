import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { chooseFiles, makePhoto, startArticle, storedArticle } from './editorSupport'

let photoDir = ''
test.beforeEach(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'copydesk-photos-'))
})
test.afterEach(async () => {
  await rm(photoDir, { recursive: true, force: true })
})

test('a whole article typed in: fields, formatted body, link, list, figure, gallery reordered; all intact after a reload', async ({
  page,
  harness
}) => {
  test.setTimeout(120_000)
  const rathaus = await makePhoto(photoDir, 'rathaus.jpg', '#335577', {
    caption: 'Das Rathaus am Morgen',
    credit: 'dpa',
    alt: 'Ein Rathaus mit Turm'
  })
  const photos = await Promise.all([
    makePhoto(photoDir, 'eins.jpg', '#aa2200'),
    makePhoto(photoDir, 'zwei.jpg', '#22aa00'),
    makePhoto(photoDir, 'drei.jpg', '#0022aa')
  ])

  await startArticle(page, harness.url)
  await page.getByLabel('Kicker').fill('Haushalt')
  await page.getByLabel('Headline').fill('Koalition einigt sich auf Kompromiss')
  await page.getByLabel('Teaser').fill('Nach zwölf Stunden steht der Haushalt.')

  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Der Kanzler zeigte sich ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('sehr')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' erleichtert.')
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Enter')

  // A sub-heading from the toolbar: the click must leave the focus in the body.
  await page.getByRole('button', { name: 'Heading 2' }).click()
  await expect(page.getByRole('button', { name: 'Heading 2' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await page.keyboard.type('Die Einigung')
  await page.keyboard.press('Enter')

  // A link through the popover: a bad address is refused with a message, a good one applied.
  await page.keyboard.type('Mehr beim Bundestag')
  for (let i = 0; i < 'Bundestag'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Control+k')
  const linkDialog = page.getByRole('dialog', { name: 'Link' })
  const address = linkDialog.getByLabel('Link address')
  await expect(address).toBeFocused()
  await address.fill('javascript:alert(1)')
  await address.press('Enter')
  await expect(linkDialog.getByRole('alert')).toContainText('Scripts and data cannot be links')
  await address.fill('file:///C:/Berichte/haushalt.docx')
  await address.press('Enter')
  await expect(linkDialog.getByRole('alert')).toContainText('file on a computer')
  await address.fill('https://www.bundestag.de')
  await address.press('Enter')
  await expect(linkDialog).toBeHidden()
  await expect(body).toBeFocused()
  await expect(body.getByRole('link', { name: 'Bundestag' })).toHaveAttribute(
    'href',
    'https://www.bundestag.de'
  )

  // A bullet list by shortcut, then out of it again.
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+Shift+8')
  await page.keyboard.type('Mehr Geld für Schulen')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Weniger Schulden')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Der Entwurf geht in den Ausschuss.')

  // A figure from the file dialog; the cursor waits in its caption.
  await chooseFiles(page, () => page.getByRole('button', { name: 'Insert image' }).click(), [
    rathaus
  ])
  const figure = body.getByRole('figure', { name: 'Image: rathaus.jpg' })
  await expect(figure.getByRole('img', { name: 'Ein Rathaus mit Turm' })).toBeVisible()
  const credit = figure.getByLabel('Credit')
  // Empty overrides show the asset's own values greyed (as placeholders).
  await expect(credit).toHaveAttribute('placeholder', 'dpa')
  await expect(figure).toHaveClass(/is-caption-empty/)
  await page.keyboard.type('Das Rathaus am Abend')
  await expect(figure).not.toHaveClass(/is-caption-empty/)
  await credit.fill('Reuters')

  // A gallery of three, the first moved one step right with Alt+→.
  await page.getByRole('button', { name: 'Add gallery' }).click()
  const gallery = page.getByRole('region', { name: 'Gallery 1', exact: true })
  await gallery.getByLabel('Gallery name (internal)').fill('Rathausbilder')
  await chooseFiles(
    page,
    () => gallery.getByRole('button', { name: 'Add photos…' }).click(),
    photos
  )
  const thumbs = gallery.getByRole('button', { name: /^Photo \d of 3/ })
  await expect(thumbs).toHaveCount(3)
  await expect(gallery.getByText('Foto-Serie mit 3 Bildern')).toBeVisible()
  await thumbs.first().focus()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByRole('button', { name: 'Photo 2 of 3: eins.jpg' })).toBeFocused()
  const order = (): Promise<(string | null)[]> =>
    thumbs.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
  await expect
    .poll(order)
    .toEqual(['Photo 1 of 3: zwei.jpg', 'Photo 2 of 3: eins.jpg', 'Photo 3 of 3: drei.jpg'])
  // Each photo's texts sit beside it; a click on the thumbnail starts with its caption.
  await thumbs.nth(2).click()
  const third = gallery.getByRole('group', { name: 'Texts of photo 3 of 3' })
  await expect(third.getByLabel('Caption')).toBeFocused()
  await third.getByLabel('Caption').fill('Blau zuletzt')

  await expect(page.getByText(/\d+ words/)).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/Saved \d\d:\d\d/)
  await expect
    .poll(async () => JSON.stringify(await storedArticle(harness.libraryDir)))
    .toContain('Blau zuletzt')

  await page.reload()
  await expect(page.getByLabel('Headline')).toHaveValue('Koalition einigt sich auf Kompromiss')
  await expect(page.getByLabel('Kicker')).toHaveValue('Haushalt')
  await expect(body.locator('strong')).toHaveText('sehr')
  await expect(body.getByRole('heading', { name: 'Die Einigung', level: 2 })).toBeVisible()
  await expect(body.getByRole('link', { name: 'Bundestag' })).toHaveAttribute(
    'href',
    'https://www.bundestag.de'
  )
  await expect(body.getByRole('listitem')).toHaveText(['Mehr Geld für Schulen', 'Weniger Schulden'])
  const reloaded = body.getByRole('figure', { name: 'Image: rathaus.jpg' })
  await expect(reloaded.locator('figcaption')).toHaveText('Das Rathaus am Abend')
  await expect(reloaded.getByLabel('Credit')).toHaveValue('Reuters')
  await expect(gallery.getByLabel('Gallery name (internal)')).toHaveValue('Rathausbilder')
  await expect
    .poll(order)
    .toEqual(['Photo 1 of 3: zwei.jpg', 'Photo 2 of 3: eins.jpg', 'Photo 3 of 3: Blau zuletzt'])

  const stored = (await storedArticle(harness.libraryDir)) as {
    kicker: string
    body: { content: { type: string; attrs?: Record<string, unknown> }[] }
    galleries: { name: string; items: { caption: string | null }[] }[]
  }
  expect(stored.kicker).toBe('Haushalt')
  const storedFigure = stored.body.content.find((n) => n.type === 'figure')
  expect(storedFigure?.attrs).toMatchObject({ credit: 'Reuters', alt: null })
  expect(stored.galleries).toMatchObject([
    {
      name: 'Rathausbilder',
      items: [{ caption: null }, { caption: null }, { caption: 'Blau zuletzt' }]
    }
  ])
  expect(JSON.stringify(stored.body)).not.toContain('base64')
})
