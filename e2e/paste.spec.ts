import type { Page } from '@playwright/test'
import type { PmNode } from '../src/shared/article'
import {
  CLIPBOARD_SAMPLE_BODY,
  GOOGLE_DOCS_CLIPBOARD_HTML,
  WORD_CLIPBOARD_HTML
} from '../src/shared/editor/clipboardSamples'
import { canonicalBody } from '../src/shared/editor/extensions'
import {
  HOSTILE_HOST,
  HOSTILE_HTML,
  HOSTILE_MARKERS,
  HOSTILE_TRAP
} from '../src/shared/editor/hostileHtml'
import { test, expect } from './fixtures'
import { startArticle, storedArticle } from './editorSupport'

/** Pastes HTML into the focused element the way a browser does: a ClipboardEvent with data. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => {
    const data = new DataTransfer()
    data.setData('text/html', markup)
    data.setData('text/plain', markup.replace(/<[^>]*>/g, ' '))
    const target = document.activeElement
    if (!target) throw new Error('nothing has the focus')
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  }, html)
}

/** The body as the editor holds it right now (TipTap keeps its editor on the root element). */
function editorBody(page: Page): Promise<PmNode> {
  return page.evaluate(() => {
    const root = document.querySelector('.ProseMirror') as
      (Element & { editor?: { getJSON(): unknown } }) | null
    if (!root?.editor) throw new Error('no editor on the page')
    return root.editor.getJSON() as PmNode
  })
}

/** Waits until the library file holds exactly what the editor shows, and returns that body. */
async function savedBody(page: Page, libraryDir: string): Promise<PmNode> {
  let stored: PmNode | null = null
  await expect
    .poll(
      async () => {
        stored = ((await storedArticle(libraryDir)) as { body: PmNode }).body
        return JSON.stringify(stored) === JSON.stringify(await editorBody(page))
      },
      { timeout: 10_000 }
    )
    .toBe(true)
  return stored!
}

function withoutNodeIds(node: PmNode): PmNode {
  const { attrs, content, ...rest } = node
  const out: PmNode = { ...rest }
  if (attrs) {
    const others = Object.fromEntries(Object.entries(attrs).filter(([key]) => key !== 'nodeId'))
    if (Object.keys(others).length) out.attrs = others
  }
  if (content) out.content = content.map(withoutNodeIds)
  return out
}

async function clearBody(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Body' }).focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
}

test('hostile HTML pasted into the real editor: nothing runs, nothing leaves the machine, nothing dangerous is stored', async ({
  page,
  harness
}) => {
  test.setTimeout(240_000)
  expect(HOSTILE_HTML.length).toBeGreaterThanOrEqual(25)
  const origin = new URL(harness.url).origin
  const requests: string[] = []
  const dialogs: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  const trapValue = (): Promise<unknown> =>
    page.evaluate((trap) => (window as unknown as Record<string, unknown>)[trap], HOSTILE_TRAP)

  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })

  for (const payload of HOSTILE_HTML) {
    await test.step(payload.name, async () => {
      await clearBody(page)
      await pasteHtml(page, payload.html)
      const stored = await savedBody(page, harness.libraryDir)
      const json = JSON.stringify(stored).toLowerCase()
      for (const marker of payload.forbidden ?? HOSTILE_MARKERS) {
        expect(json, `${payload.name}: stored body contains ${marker}`).not.toContain(
          marker.toLowerCase()
        )
      }
      for (const text of payload.keeps ?? []) {
        expect(JSON.stringify(stored), `${payload.name}: keeps ${text}`).toContain(text)
      }
      if (payload.keepsLink) {
        await expect(body.locator(`a[href="${payload.keepsLink}"]`)).toHaveCount(1)
      }
      // Nothing executable reached the live editor's DOM either.
      await expect(
        body.locator('script, iframe, object, embed, svg, style, form, link, meta, base')
      ).toHaveCount(0)
      const handlers = await body.evaluate((root) =>
        Array.from(root.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .map((a) => a.name)
            .filter((name) => name.startsWith('on') || name === 'srcdoc' || name === 'target')
        )
      )
      expect(handlers, payload.name).toEqual([])
      expect(await trapValue(), payload.name).toBeUndefined()
    })
  }

  // All of it at once, then through the preview (the export renderer's HTML in the page).
  await clearBody(page)
  for (const payload of HOSTILE_HTML) await pasteHtml(page, payload.html)
  await savedBody(page, harness.libraryDir)
  await page.getByRole('tab', { name: 'Preview' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Preview' })).toContainText('Vorher')
  await page.waitForTimeout(500)

  expect(await trapValue()).toBeUndefined()
  expect(dialogs).toEqual([])
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`))
  expect(foreign).toEqual([])
  expect(requests.some((url) => url.includes(HOSTILE_HOST))).toBe(false)
})

test('pastes from Word and Google Docs keep headings, bold, italic, links and lists', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  for (const [source, html] of [
    ['Word', WORD_CLIPBOARD_HTML],
    ['Google Docs', GOOGLE_DOCS_CLIPBOARD_HTML]
  ] as const) {
    await test.step(source, async () => {
      await clearBody(page)
      await pasteHtml(page, html)
      const stored = await savedBody(page, harness.libraryDir)
      expect(canonicalBody(withoutNodeIds(stored))).toEqual(canonicalBody(CLIPBOARD_SAMPLE_BODY))
    })
  }
  const body = page.getByRole('textbox', { name: 'Body' })
  await expect(body.getByRole('heading', { level: 2 })).toHaveText(
    'Koalition einigt sich auf Haushalt'
  )
  await expect(body.getByRole('link', { name: 'Bundestag' })).toHaveAttribute(
    'href',
    'https://www.bundestag.de/'
  )
  await expect(body.locator('img')).toHaveCount(0)
})
