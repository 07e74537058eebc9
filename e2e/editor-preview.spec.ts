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

test('the preview shows date line, kicker, lead with credit, gallery label and byline in the article language', async ({
  page,
  harness
}) => {
  test.setTimeout(90_000)
  const lead = await makePhoto(photoDir, 'kundgebung.jpg', '#553311', {
    caption: 'Kundgebung vor dem Rathaus',
    credit: 'Reuters',
    alt: 'Menschen mit Plakaten'
  })
  const gallery = await Promise.all(
    ['#aa0000', '#00aa00', '#0000aa'].map((c, i) => makePhoto(photoDir, `serie-${i + 1}.jpg`, c))
  )
  const inBody = await makePhoto(photoDir, 'plenum.jpg', '#777777', {
    caption: 'Das Plenum',
    credit: 'dpa'
  })

  await startArticle(page, harness.url)
  await page.getByLabel('Kicker').fill('Haushalt')
  await page.getByLabel('Headline').fill('Koalition einigt sich')
  await page.getByLabel('Teaser').fill('Nach zwölf Stunden steht der Kompromiss.')
  const byline = page.getByRole('textbox', { name: 'Byline' })
  for (const name of ['Anna Beispiel', 'Ben Muster', 'Clara Test']) {
    await byline.fill(name)
    await byline.press('Enter')
  }
  await page.getByLabel('Dateline', { exact: true }).fill('Berlin')
  await page.getByLabel('Source', { exact: true }).fill('dpa')
  await page.getByLabel('Publication date: Date').fill('2024-05-02')
  await page.getByLabel('Publication date: Time').fill('10:30')

  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Die Koalition hat sich geeinigt.')
  await chooseFiles(page, () => page.getByRole('button', { name: 'Insert image' }).click(), [
    inBody
  ])
  await expect(body.getByRole('figure')).toHaveCount(1)

  const leadSlot = page.getByRole('region', { name: 'Lead image' })
  await chooseFiles(page, () => leadSlot.getByRole('button', { name: 'Choose a photo…' }).click(), [
    lead
  ])
  await expect(leadSlot.getByLabel('Credit')).toHaveAttribute('placeholder', 'Reuters')
  await page.getByRole('button', { name: 'Add gallery' }).click()
  const strip = page.getByRole('region', { name: 'Gallery 1', exact: true })
  await chooseFiles(page, () => strip.getByRole('button', { name: 'Add photos…' }).click(), gallery)
  await expect(strip.getByRole('button', { name: /^Photo \d of 3/ })).toHaveCount(3)
  await page.getByLabel('Gallery name (internal)').fill('Nur für den Desk')

  await page.getByRole('tab', { name: 'Preview' }).click()
  const preview = page.getByRole('tabpanel', { name: 'Preview' })
  await expect(preview).toContainText('Donnerstag, 2. Mai 2024')
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
    'Haushalt: Koalition einigt sich'
  )
  await expect(preview.locator('figure.lead figcaption')).toHaveText(
    'Kundgebung vor dem Rathaus (Quelle: Reuters)'
  )
  await expect(preview.getByRole('heading', { name: 'Foto-Serie mit 3 Bildern' })).toBeVisible()
  // A gallery is a slideshow readers can page through, without script and by keyboard; the
  // desk's internal name for it is not published.
  await expect(preview).not.toContainText('Nur für den Desk')
  const slides = preview.getByRole('list', { name: 'Foto-Serie mit 3 Bildern' })
  await expect(slides.getByRole('listitem')).toHaveCount(3)
  await expect(slides.getByRole('listitem').first()).toContainText('1 / 3')
  const route = await page.evaluate(() => location.hash)
  await preview.getByRole('link', { name: /^3 \/ 3/ }).click()
  await expect
    .poll(() => slides.evaluate((el) => Math.round(el.scrollLeft / el.clientWidth)))
    .toBe(2)
  expect(await page.evaluate(() => location.hash)).toBe(route)
  await preview.getByRole('link', { name: /^1 \/ 3/ }).click()
  await expect.poll(() => slides.evaluate((el) => el.scrollLeft)).toBe(0)
  await slides.focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => slides.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
  await expect(preview).toContainText('Berlin (dpa) – Die Koalition hat sich geeinigt.')
  await expect(preview.locator('.body figcaption')).toHaveText('Das Plenum (Quelle: dpa)')
  await expect(preview).toContainText('Von Anna Beispiel, Ben Muster und Clara Test')
  // Every picture comes from the asset store through the bridge and really loads.
  const images = preview.locator('img')
  await expect(images).toHaveCount(5 + 3) // five pictures and the gallery's three thumbnails
  await expect
    .poll(() =>
      images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).naturalWidth > 0))
    )
    .toBe(true)

  // The article language switches the house style live, while the preview stays open.
  await page.getByLabel('Article language').selectOption('en-GB')
  await expect(preview).toContainText('Thursday 2 May 2024')
  await expect(preview.locator('figure.lead figcaption')).toHaveText(
    'Kundgebung vor dem Rathaus (Photo: Reuters)'
  )
  await expect(preview.getByRole('heading', { name: 'Gallery: 3 photos' })).toBeVisible()
  await expect(preview).toContainText('By Anna Beispiel, Ben Muster and Clara Test')

  // The body follows typing a moment later.
  await page.getByRole('tab', { name: 'Write' }).click()
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Endlich.')
  await page.getByRole('tab', { name: 'Preview' }).click()
  await expect(preview).toContainText('Die Koalition hat sich geeinigt. Endlich.')
})
