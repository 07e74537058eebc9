import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { defaultArticleFields, type PmNode } from '../src/shared/article'
import { makePhoto } from './editorSupport'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

/*
 * The copy desk's checks panel on a reference-size German draft: a summit story with a lead
 * image without credit, a gallery of ten without credits or alt texts, a body image with
 * nothing filled in, an empty byline, typos (one name five times) and straight quotes. The
 * draft is written into a fresh library before the harness opens it; its photos are made here
 * and imported through the app's own bridge (their ids are their SHA-256, so the draft can name
 * them in advance).
 */

const ARTICLE_ID = '3b7e8c1a-52d4-4f6e-9a0b-7c1d2e3f4a5b'
const GALLERY_ID = 'gipfel-galerie'
const FIGURE_ID = 'figbild001'

interface Photo {
  name: string
  file: string
  id: string
}

function paragraph(nodeId: string, text: string): PmNode {
  return { type: 'paragraph', attrs: { nodeId }, content: [{ type: 'text', text }] }
}

function use(assetId: string): Record<string, unknown> {
  return { assetId, caption: null, credit: null, photographer: null, alt: null }
}

async function photos(dir: string): Promise<Photo[]> {
  const out: Photo[] = []
  const size = { width: 640, height: 427 }
  const lead = await makePhoto(dir, 'lead.jpg', '#1f4e79', { caption: 'Ankunft am Bahnhof' }, size)
  out.push({ name: 'lead.jpg', file: lead, id: '' })
  for (let i = 1; i <= 10; i++) {
    const colour = `#${(40 + i * 18).toString(16)}${(200 - i * 12).toString(16)}60`
    const caption = `Szene ${i} vom Gipfel`
    const file = await makePhoto(dir, `galerie-${i}.jpg`, colour, { caption }, size)
    out.push({ name: `galerie-${i}.jpg`, file, id: '' })
  }
  const figure = await makePhoto(dir, 'hafen.jpg', '#7a3b00', {}, size)
  out.push({ name: 'hafen.jpg', file: figure, id: '' })
  for (const photo of out) {
    photo.id = createHash('sha256')
      .update(await readFile(photo.file))
      .digest('hex')
  }
  return out
}

/** The draft as the library stores it. */
function draftFile(shots: Photo[]): string {
  const [lead, ...rest] = shots
  const figure = rest.pop()!
  const now = '2026-05-02T12:30:00.000Z'
  const article = {
    ...defaultArticleFields(),
    schemaVersion: 1,
    id: ARTICLE_ID,
    revision: 1,
    createdAt: now,
    updatedAt: now,
    kicker: 'Gipfel in Russland',
    headline: 'Kim trifft Putin in Wladiwostok',
    teaser: 'Zwei Tage Gespräche, ein Abkommen: Die Delegatoin aus Pjöngjang reist mit Zielen an.',
    bylines: [],
    body: {
      type: 'doc',
      content: [
        paragraph(
          'pabsatz001',
          'Kim Jong Un ist am Dienstag in Wladiwostok eingetroffen. Das Gipfeltrefen mit Putin begann am Nachmittag.'
        ),
        paragraph(
          'pabsatz002',
          'Kim sprach von einem historischen Tag. Die Delegation blieb bis zum Abend im Hotel.'
        ),
        {
          type: 'figure',
          attrs: { ...use(figure.id), nodeId: FIGURE_ID },
          content: [{ type: 'figureCaption' }]
        },
        paragraph(
          'pabsatz003',
          'Beobachter erwarten, dass Kim und Putin ein Abkommen unterzeichnen. Kim reist am Freitag weiter.'
        ),
        {
          type: 'paragraph',
          attrs: { nodeId: 'pabsatz004' },
          content: [
            { type: 'text', text: 'Ein ' },
            { type: 'text', text: 'Sprecher', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' sagte: "Wir sind zufrieden" - mehr nicht.' }
          ]
        }
      ]
    },
    lead: use(lead!.id),
    galleries: [{ id: GALLERY_ID, name: 'Gipfel', items: rest.map((p) => use(p.id)) }]
  }
  return JSON.stringify({ schemaVersion: 1, article }, null, 2)
}

interface Desk {
  page: Page
  checks: Locator
  done(): Promise<void>
}

/** A library holding the draft and its photos, opened in the editor. */
async function openDraft(page: Page, locale: 'en' | 'de'): Promise<Desk> {
  const root = await mkdtemp(join(tmpdir(), 'copydesk-e2e-checks-'))
  const libraryDir = join(root, 'library')
  await mkdir(join(libraryDir, 'articles'), { recursive: true })
  const shots = await photos(root)
  await writeFile(join(libraryDir, 'articles', `${ARTICLE_ID}.json`), draftFile(shots))
  // Small photos keep the test quick; the newsroom here takes them (no "too small" findings).
  await writeFile(join(libraryDir, 'settings.json'), JSON.stringify({ minImageWidth: 600 }))
  const { url, child } = await startHarnessProcess(libraryDir, ['--locale', locale])
  await page.goto(url)
  const files = await Promise.all(
    shots.map(async (p) => ({ name: p.name, base64: (await readFile(p.file)).toString('base64') }))
  )
  const imported = await page.evaluate(async (list) => {
    const bridge = (
      window as unknown as {
        newsroom: {
          importAssets(i: unknown): Promise<{ ok: boolean; value: { assetId: string }[] }>
        }
      }
    ).newsroom
    const result = await bridge.importAssets({ files: list })
    return result.ok ? result.value.map((v) => v.assetId) : []
  }, files)
  expect(imported).toEqual(shots.map((p) => p.id))
  await page.getByText('Kim trifft Putin in Wladiwostok').first().click()
  await page
    .getByRole('textbox', { name: locale === 'de' ? 'Text' : 'Body', exact: true })
    .waitFor()
  const checks = page.getByRole('region', { name: locale === 'de' ? /^Prüfungen/ : /^Checks/ })
  return {
    page,
    checks,
    done: async () => {
      await stopHarnessProcess(child)
      await rm(root, { recursive: true, force: true })
    }
  }
}

/** What has the focus: its `data-jump` key or id, and the selected text in it. */
async function focused(page: Page): Promise<{ key: string; selected: string; block: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return { key: '', selected: '', block: '' }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      return {
        key: el.dataset.jump ?? el.id,
        selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
        block: ''
      }
    }
    const selection = window.getSelection()
    const anchor = selection?.anchorNode
    const anchorEl = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null)
    return {
      key: el.id,
      selected: selection?.toString() ?? '',
      block: anchorEl?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? ''
    }
  })
}

// Each test imports twelve photos into a fresh library before it starts.
test.describe.configure({ timeout: 180_000 })

test.describe('checks panel (English)', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('every kind of finding jumps to and focuses its exact input, and typing lands there', async ({
    page
  }) => {
    const desk = await openDraft(page, 'en')
    try {
      const { checks } = desk
      const finding = (name: RegExp): Locator => checks.getByRole('button', { name })
      await expect(finding(/Body image 1 has no credit/)).toBeVisible()

      // A field: the byline.
      await finding(/The article has no byline/).click()
      expect((await focused(page)).key).toBe('field-bylines')
      await page.keyboard.type('Anna Beispiel')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('button', { name: 'Remove Anna Beispiel' })).toBeVisible()

      // A body image's credit and alt text: their own inputs in the figure.
      const figure = page.getByRole('figure', { name: 'Image: hafen.jpg' })
      await finding(/Body image 1 has no credit/).click()
      await expect(figure.getByRole('textbox', { name: 'Credit' })).toBeFocused()
      await page.keyboard.type('dpa')
      await expect(figure.getByRole('textbox', { name: 'Credit' })).toHaveValue('dpa')
      await finding(/Body image 1 has no alt text/).click()
      await expect(figure.getByRole('textbox', { name: 'Alt text' })).toBeFocused()
      await page.keyboard.type('Hafen von Wladiwostok')
      await expect(figure.getByRole('textbox', { name: 'Alt text' })).toHaveValue(
        'Hafen von Wladiwostok'
      )

      // A body image's caption: the cursor in the caption under the image, not the lead's.
      await finding(/Body image 1 has no caption/).click()
      await page.keyboard.type('Der Hafen am Morgen')
      await expect(figure.locator('figcaption')).toHaveText('Der Hafen am Morgen')
      const lead = page.getByRole('region', { name: 'Lead image' })
      await expect(lead.getByRole('textbox', { name: 'Caption' })).toHaveValue('')

      // The lead's credit and alt text.
      await finding(/Lead image has no credit/).click()
      await expect(lead.getByRole('textbox', { name: 'Credit' })).toBeFocused()
      await page.keyboard.type('Reuters')
      await finding(/Lead image has no alt text/).click()
      await expect(lead.getByRole('textbox', { name: 'Alt text' })).toBeFocused()
      await page.keyboard.type('Zug im Bahnhof')
      await expect(lead.getByRole('textbox', { name: 'Credit' })).toHaveValue('Reuters')

      // A gallery item, with the images section closed first: it opens, the item is selected.
      const imagesHead = page.getByRole('button', { name: 'Images', exact: true })
      await imagesHead.click()
      await expect(imagesHead).toHaveAttribute('aria-expanded', 'false')
      await finding(/Gallery Gipfel, image 3 has no credit/).click()
      await expect(imagesHead).toHaveAttribute('aria-expanded', 'true')
      const gallery = page.getByRole('region', { name: 'Gallery 1' })
      const photo3 = gallery.getByRole('group', { name: 'Texts of photo 3 of 10' })
      await expect(photo3.getByRole('textbox', { name: 'Credit' })).toBeFocused()
      await page.keyboard.type('AFP')
      await finding(/Gallery Gipfel, image 3 has no alt text/).click()
      await expect(photo3.getByRole('textbox', { name: 'Alt text' })).toBeFocused()
      await page.keyboard.type('Ehrengarde')
      await expect(photo3.getByRole('textbox', { name: 'Credit' })).toHaveValue('AFP')
      // Only the third photo got the texts.
      await expect(
        gallery.getByRole('group', { name: 'Texts of photo 4 of 10' }).getByLabel('Credit')
      ).toHaveValue('')

      // A body paragraph: the misspelt word is selected in its paragraph.
      await finding(/Unknown word: Gipfeltrefen/).click()
      expect(await focused(page)).toMatchObject({ selected: 'Gipfeltrefen', block: 'pabsatz001' })

      // Once saved, the fixed findings are gone and the others stay.
      await expect(finding(/Body image 1 has no credit/)).toHaveCount(0)
      await expect(finding(/Lead image has no credit/)).toHaveCount(0)
      await expect(finding(/Gallery Gipfel, image 3 has no credit/)).toHaveCount(0)
      await expect(finding(/The article has no byline/)).toHaveCount(0)
      await expect(finding(/Body image 1 has no caption/)).toHaveCount(0)
      await expect(finding(/Gallery Gipfel, image 4 has no credit/)).toBeVisible()
    } finally {
      await desk.done()
    }
  })

  test('findings are grouped, filtered and folded; a name walks through its places', async ({
    page
  }) => {
    const desk = await openDraft(page, 'en')
    try {
      const { checks } = desk
      const errors = checks.getByRole('region', { name: /^Errors/ })
      const warnings = checks.getByRole('region', { name: /^Warnings/ })
      const spelling = checks.getByRole('region', { name: /^Spelling/ })
      await expect(errors).toBeVisible()
      // Errors first, then warnings, then spelling.
      const order = await checks
        .getByRole('region')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')))
      expect(order).toEqual([
        'checks-section-errors',
        'checks-section-warnings',
        'checks-section-spelling'
      ])

      // One group per image, its error before its warning.
      const third = errors.getByRole('listitem').filter({
        has: page.getByRole('button', { name: /Gallery Gipfel, image 3 · 2 checks/ })
      })
      const inGroup = third.getByRole('button', { name: /has no/ })
      // Under the image's name, each finding shows only what is missing (the image's name is
      // there for screen readers); its accessible name says it all, severity first.
      await expect(inGroup).toHaveText([/image 3 has no credit\.$/, /image 3 has no alt text\.$/])
      await expect(inGroup.first()).toHaveAccessibleName(
        'Error Gallery Gipfel, image 3 has no credit.'
      )
      // Twelve images with findings: lead, ten gallery items, the body image.
      await expect(errors.getByRole('button', { name: /· \d checks/ })).toHaveCount(12)

      // Spelling: one entry per word with its count.
      const kim = spelling.getByRole('button', { name: /Unknown word: Kim \(5×\)/ })
      await expect(kim).toBeVisible()
      await expect(spelling.getByRole('button', { name: /Unknown word: Kim\b/ })).toHaveCount(1)

      // Repeated clicks walk through the five places in reading order, word selected.
      await kim.click()
      expect(await focused(page)).toMatchObject({ key: 'field-headline', selected: 'Kim' })
      await expect(kim).toContainText('place 1 of 5')
      const blocks: string[] = []
      for (let i = 2; i <= 5; i++) {
        await kim.click()
        await expect(kim).toContainText(`place ${i} of 5`)
        const now = await focused(page)
        expect(now.selected).toBe('Kim')
        blocks.push(now.block)
      }
      expect(blocks).toEqual(['pabsatz001', 'pabsatz002', 'pabsatz003', 'pabsatz003'])
      await kim.click()
      expect(await focused(page)).toMatchObject({ key: 'field-headline', selected: 'Kim' })

      // Fold a section, then an image group.
      const errorsHead = checks.getByRole('button', { name: /^Errors \(\d+\)/ })
      await errorsHead.click()
      await expect(errorsHead).toHaveAttribute('aria-expanded', 'false')
      await expect(errors.getByRole('listitem')).toHaveCount(0)
      await errorsHead.click()
      const groupHead = errors.getByRole('button', { name: /Gallery Gipfel, image 3 · 2 checks/ })
      await groupHead.click()
      await expect(groupHead).toHaveAttribute('aria-expanded', 'false')
      await expect(third.getByRole('button', { name: /image 3 has no credit/ })).toHaveCount(0)

      // Filters.
      const filters = checks.getByRole('group', { name: 'Show' })
      await filters.getByRole('button', { name: /^Spelling/ }).click()
      await expect(filters.getByRole('button', { name: /^Spelling/ })).toHaveAttribute(
        'aria-pressed',
        'true'
      )
      await expect(errors).toHaveCount(0)
      await expect(warnings).toHaveCount(0)
      await expect(spelling).toBeVisible()
      await filters.getByRole('button', { name: /^Errors/ }).click()
      await expect(errors).toBeVisible()
      await expect(spelling).toHaveCount(0)
      await expect(errors.getByRole('button', { name: /has no alt text/ })).toHaveCount(0)
      await filters.getByRole('button', { name: /^Warnings/ }).click()
      await expect(warnings.getByRole('button', { name: /has no alt text/ }).first()).toBeVisible()
      await expect(warnings.getByRole('button', { name: /Unknown word/ })).toHaveCount(0)
      await filters.getByRole('button', { name: /^All/ }).click()
      await expect(spelling).toBeVisible()
      await expect(errors).toBeVisible()
    } finally {
      await desk.done()
    }
  })

  test('the byline, dateline and dates are reachable above the checks, which scroll on their own', async ({
    page
  }) => {
    const desk = await openDraft(page, 'en')
    try {
      const { checks } = desk
      await expect(checks.getByRole('button', { name: /Unknown word: Kim/ })).toBeAttached()
      const byline = page.locator('#field-bylines')
      const place = page.locator('#field-place')
      const published = page.locator('#field-published')
      const list = checks.getByRole('group', { name: 'Findings' })
      for (const el of [byline, place, published, list]) await expect(el).toBeInViewport()
      const box = async (l: Locator): Promise<{ y: number; height: number }> =>
        (await l.boundingBox())!
      const listBox = await box(list)
      expect((await box(byline)).y).toBeLessThan(listBox.y)
      expect((await box(published)).y).toBeLessThan(listBox.y)
      // The findings scroll inside their box instead of growing the column.
      expect(listBox.height).toBeLessThanOrEqual(900 * 0.45)
      expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
      expect(await page.evaluate(() => window.scrollY)).toBe(0)

      // By keyboard: the section heads are buttons in the tab order, with aria-expanded.
      const peopleHead = page.getByRole('button', { name: 'Byline and dateline' })
      await peopleHead.focus()
      await page.keyboard.press('Enter')
      await expect(peopleHead).toHaveAttribute('aria-expanded', 'false')
      await expect(byline).toBeHidden()
      await page.keyboard.press('Space')
      await expect(byline).toBeVisible()
      await page.keyboard.press('Tab')
      await expect(byline).toBeFocused()
    } finally {
      await desk.done()
    }
  })
})

test.describe('checks panel actions (English)', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('suggestions replace the word, ignore once and the word list clear it; Fix corrects typography in one step', async ({
    page
  }) => {
    const desk = await openDraft(page, 'en')
    try {
      const spelling = desk.checks.getByRole('region', { name: /^Spelling/ })
      const entry = (word: string): Locator =>
        spelling.getByRole('listitem').filter({
          has: page.getByRole('button', { name: new RegExp(`Unknown word: ${word}\\b`) })
        })

      // Replace: the teaser's typo becomes the suggestion, typed as the writer would.
      await entry('Delegatoin').getByRole('button', { name: 'Replace with “Delegation”' }).click()
      await expect(page.getByRole('textbox', { name: 'Teaser' })).toHaveValue(
        /Die Delegation aus Pjöngjang/
      )
      await expect(entry('Delegatoin')).toHaveCount(0)

      // Ignore once: its only place, so the entry goes; the underline in the body goes too.
      await entry('Gipfeltrefen').getByRole('button', { name: 'Ignore once' }).click()
      await expect(entry('Gipfeltrefen')).toHaveCount(0)

      // Add to the word list: gone after the checks run again.
      await entry('Jong')
        .getByRole('button', { name: /Add “Jong” to the newsroom word list/ })
        .click()
      await expect(entry('Jong')).toHaveCount(0)
      await expect(entry('Kim')).toBeVisible()

      // Fix: the paragraph's quotes and dash corrected where they stand, bold kept.
      const paragraph = page.locator('[data-node-id="pabsatz004"]')
      await desk.checks.getByRole('button', { name: 'Fix', exact: true }).click()
      await expect(paragraph).toHaveText('Ein Sprecher sagte: „Wir sind zufrieden“ – mehr nicht.')
      await expect(paragraph.locator('strong')).toHaveText('Sprecher')
      await expect(desk.checks.getByRole('button', { name: 'Fix', exact: true })).toHaveCount(0)
      // One undo step takes the whole fix back.
      await paragraph.click()
      await page.keyboard.press('Control+z')
      await expect(paragraph).toHaveText('Ein Sprecher sagte: "Wir sind zufrieden" - mehr nicht.')
    } finally {
      await desk.done()
    }
  })
})

test.describe('checks panel (German)', () => {
  test.use({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' })

  test('a reference-size German draft: byline and checks both usable at 1440×900', async ({
    page
  }) => {
    const desk = await openDraft(page, 'de')
    try {
      const { checks } = desk
      const kim = checks.getByRole('button', { name: /Unbekanntes Wort: Kim \(5×\)/ })
      await expect(kim).toBeVisible()
      const summary = await checks.locator('.checks-summary').textContent()
      const counts = [...(summary ?? '').matchAll(/(\d+)/g)].map((m) => Number(m[1]))
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20)
      await expect(page.locator('#field-bylines')).toBeInViewport()
      await expect(
        checks.getByRole('button', { name: /Aufmacherbild hat keine Quellenangabe/ })
      ).toBeVisible()
      await page.screenshot({ path: process.env.CHECKS_SHOT ?? 'test-results/checks-panel-de.png' })
      // German jump: the gallery credit.
      await checks
        .getByRole('button', { name: /Galerie Gipfel, Bild 2 hat keine/ })
        .first()
        .click()
      const gallery = page.getByRole('region', { name: 'Galerie 1' })
      await expect(
        gallery
          .getByRole('group', { name: 'Texte zu Foto 2 von 10' })
          .getByRole('textbox', { name: 'Bildnachweis' })
      ).toBeFocused()
    } finally {
      await desk.done()
    }
  })
})
