import { readFile } from 'node:fs/promises'
import { makePhoto, storedArticle } from './editorSupport'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * A drag from `source` to `target` as the browser delivers it: dragstart on the source fills the
 * DataTransfer (our handler), then dragenter, dragover and drop on the target carry it. (Playwright's
 * mouse-driven dragTo does the same but is timing-sensitive under load.)
 */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.elementHandle()
  const to = await target.elementHandle()
  await page.evaluate(
    ([src, dst]) => {
      if (!src || !dst) throw new Error('drag: element missing')
      const data = new DataTransfer()
      const box = dst.getBoundingClientRect()
      const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
      src.dispatchEvent(
        new DragEvent('dragstart', { dataTransfer: data, bubbles: true, cancelable: true })
      )
      for (const type of ['dragenter', 'dragover', 'drop']) {
        dst.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, ...at })
        )
      }
      src.dispatchEvent(new DragEvent('dragend', { dataTransfer: data, bubbles: true }))
    },
    [from, to] as const
  )
}

test('photos from the library are dragged onto the lead slot and into a gallery', async ({
  page,
  harness
}) => {
  const dir = harness.libraryDir
  const files = [
    await makePhoto(dir, 'kanzler.jpg', '#336699', {
      caption: 'Der Kanzler im Bundestag',
      credit: 'Reuters'
    }),
    await makePhoto(dir, 'plenum.jpg', '#993322', { caption: 'Blick ins Plenum', credit: 'dpa' })
  ]
  await page.goto(harness.url)
  // Import through the real bridge, as the photo desk does.
  for (const file of files) {
    const base64 = (await readFile(file)).toString('base64')
    const name = file.split('/').pop() ?? 'photo.jpg'
    const ok = await page.evaluate(
      async ({ name, base64 }) => {
        const bridge = (
          window as unknown as {
            newsroom: { importAssets(i: unknown): Promise<{ ok: boolean }> }
          }
        ).newsroom
        return (await bridge.importAssets({ files: [{ name, base64 }] })).ok
      },
      { name, base64 }
    )
    expect(ok).toBe(true)
  }

  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByLabel('Headline').fill('Haushaltsdebatte')
  const strip = page.getByRole('region', { name: 'Photos from the library' })
  await expect(strip.getByRole('img')).toHaveCount(2)

  await drag(
    page,
    strip.getByRole('img', { name: 'Der Kanzler im Bundestag' }),
    page.getByRole('region', { name: 'Lead image' })
  )
  await expect(page.getByText('kanzler.jpg')).toBeVisible()
  await page.getByRole('button', { name: 'Add gallery' }).click()
  await drag(
    page,
    strip.getByRole('img', { name: 'Blick ins Plenum' }),
    page.locator('.gallery-strip').first()
  )
  await expect(page.locator('.gallery-strip').first().getByRole('button')).not.toHaveCount(0)
  await expect(page.getByText(/^Saved \d\d:\d\d$/)).toBeVisible()

  const article = await storedArticle(dir)
  const lead = article.lead as { assetId: string }
  const galleries = article.galleries as { items: { assetId: string }[] }[]
  expect(lead.assetId).toMatch(/^[0-9a-f]{64}$/)
  expect(galleries[0].items.map((i) => i.assetId)).toEqual([
    expect.not.stringMatching(lead.assetId)
  ])
})
