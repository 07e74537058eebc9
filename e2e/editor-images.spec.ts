import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { makePhoto, startArticle, storedArticle } from './editorSupport'

const ASSET_DRAG_TYPE = 'application/x-copydesk-asset'

interface FileData {
  name: string
  type: string
  base64: string
}

let photoDir = ''
test.beforeEach(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'copydesk-photos-'))
})
test.afterEach(async () => {
  await rm(photoDir, { recursive: true, force: true })
})

async function fileData(path: string, name: string, type = 'image/jpeg'): Promise<FileData> {
  return { name, type, base64: (await readFile(path)).toString('base64') }
}

/**
 * Drops files and/or asset ids on a point of `target` (its right half, vertically centred), as
 * a drag from the desktop or the asset panel does: dragenter, dragover, drop with a DataTransfer.
 */
async function drop(
  page: Page,
  target: Locator,
  { files = [], assetIds = [] }: { files?: FileData[]; assetIds?: string[] }
): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  const box = await target.boundingBox()
  if (!box) throw new Error('drop target not visible')
  const x = box.x + box.width * 0.75
  const y = box.y + box.height / 2
  await page.evaluate(
    ({ files, assetIds, x, y, type }) => {
      const data = new DataTransfer()
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
        data.items.add(new File([bytes], f.name, { type: f.type }))
      }
      if (assetIds.length) data.setData(type, assetIds.join('\n'))
      const el = document.elementFromPoint(x, y)
      if (!el) throw new Error('nothing at the drop point')
      for (const name of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(
          new DragEvent(name, {
            dataTransfer: data,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true
          })
        )
      }
    },
    { files, assetIds, x, y, type: ASSET_DRAG_TYPE }
  )
}

/** Pastes into the focused element: clipboard files, and HTML if given. */
async function pasteFiles(page: Page, files: FileData[], html?: string): Promise<void> {
  await page.evaluate(
    ({ files, html }) => {
      const data = new DataTransfer()
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
        data.items.add(new File([bytes], f.name, { type: f.type }))
      }
      if (html) data.setData('text/html', html)
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      )
    },
    { files, html }
  )
}

/** Top-level blocks of the body: paragraph text, or `figure:<file name>`. */
function blocks(body: Locator): Promise<string[]> {
  return body.evaluate((root) =>
    Array.from(root.children)
      // Widgets (the gap cursor) are not blocks.
      .filter((el) => !el.className.includes('ProseMirror-'))
      .map((el) =>
        el.classList.contains('figure-node')
          ? `figure:${el.querySelector('figure')?.getAttribute('aria-label') ?? ''}`
          : (el.textContent ?? '')
      )
  )
}

test('images arrive by drop and paste through the asset store, at the drop point, with a message per bad file', async ({
  page,
  harness
}) => {
  const markt = await fileData(await makePhoto(photoDir, 'markt.jpg', '#aa5500'), 'markt.jpg')
  const png = await makePhoto(photoDir, 'grafik.jpg', '#0055aa')
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Erster Absatz.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Zweiter Absatz.')

  // A file dropped on the first paragraph lands after it, never inside it.
  await drop(page, body.locator('p').first(), { files: [markt] })
  await expect
    .poll(() => blocks(body))
    .toEqual(['Erster Absatz.', 'figure:Image: markt.jpg', 'Zweiter Absatz.'])

  // A pasted image file goes after the block with the cursor; at the end of the body an empty
  // paragraph follows it to write on.
  await body.locator('p').last().click()
  await page.keyboard.press('End')
  // The drop's figure settles the selection a moment later under load: paste only once the
  // cursor is really in the last paragraph.
  await expect
    .poll(() => page.evaluate(() => getSelection()?.anchorNode?.textContent ?? ''))
    .toBe('Zweiter Absatz.')
  await pasteFiles(page, [await fileData(png, 'image.png', 'image/png')])
  await expect
    .poll(() => blocks(body))
    .toEqual([
      'Erster Absatz.',
      'figure:Image: markt.jpg',
      'Zweiter Absatz.',
      'figure:Image: image.png',
      ''
    ])

  // An office paste carries a picture of the copied text beside the HTML: the text wins.
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' ')
  await pasteFiles(page, [await fileData(png, 'image.png', 'image/png')], '<p>und <b>mehr</b></p>')
  await expect(body.locator('p').first()).toHaveText('Erster Absatz. und mehr')
  await expect(body.getByRole('figure')).toHaveCount(2)

  // Files the store refuses are named with the reason; the good one in the batch still lands.
  await drop(page, body.locator('p').last(), {
    files: [
      { name: 'notiz.txt', type: 'text/plain', base64: Buffer.from('Nur Text').toString('base64') },
      {
        name: 'kaputt.jpg',
        type: 'image/jpeg',
        base64: Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2]).toString('base64')
      },
      markt
    ]
  })
  const problems = page.getByRole('alert').filter({ hasText: 'could not be imported' })
  await expect(problems).toContainText('2 files could not be imported')
  await expect(problems).toContainText('notiz.txt')
  await expect(problems).toContainText('kaputt.jpg')
  await expect(body.getByRole('figure')).toHaveCount(3)
  await problems.getByRole('button', { name: 'Dismiss' }).click()
  await expect(problems).toBeHidden()

  await expect
    .poll(async () => JSON.stringify((await storedArticle(harness.libraryDir)).body))
    .toMatch(/("assetId":"[0-9a-f]{64}".*){3}/)
  const stored = JSON.stringify((await storedArticle(harness.libraryDir)).body)
  expect(stored).not.toContain('base64')
  expect(stored).not.toContain('data:')
})

test('assets dragged from the asset panel land in the body, the lead slot and a gallery strip', async ({
  page,
  harness
}) => {
  const photo = await makePhoto(photoDir, 'panel.jpg', '#6600aa', {
    caption: 'Aus dem Bildarchiv',
    credit: 'AFP'
  })
  await startArticle(page, harness.url)
  // The asset panel's part: the photo is in the store, and a drag carries its id.
  const assetId = await page.evaluate(
    async (base64) => {
      const result = await (
        window as unknown as {
          newsroom: {
            importAssets(i: unknown): Promise<{ ok: boolean; value: { assetId: string }[] }>
          }
        }
      ).newsroom.importAssets({ files: [{ name: 'panel.jpg', base64 }] })
      return result.value[0]!.assetId
    },
    (await readFile(photo)).toString('base64')
  )

  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Text')
  await drop(page, body.locator('p').first(), { assetIds: [assetId] })
  await expect(body.getByRole('figure', { name: 'Image: panel.jpg' })).toBeVisible()

  const lead = page.getByRole('region', { name: 'Lead image' })
  await drop(page, lead, { assetIds: [assetId] })
  await expect(lead.getByLabel('Caption')).toHaveAttribute('placeholder', 'Aus dem Bildarchiv')
  await expect(lead.getByLabel('Credit')).toHaveAttribute('placeholder', 'AFP')

  await page.getByRole('button', { name: 'Add gallery' }).click()
  const gallery = page.getByRole('region', { name: 'Gallery 1', exact: true })
  await drop(page, gallery.getByRole('list'), { assetIds: [assetId, assetId] })
  await expect(gallery.getByRole('button', { name: /^Photo \d of 2/ })).toHaveCount(2)
  await expect(gallery.getByText('Foto-Serie mit 2 Bildern')).toBeVisible()

  await expect
    .poll(async () => {
      const a = (await storedArticle(harness.libraryDir)) as {
        lead: { assetId: string } | null
        galleries: { items: unknown[] }[]
      }
      return [a.lead?.assetId, a.galleries[0]?.items.length]
    })
    .toEqual([assetId, 2])
})
