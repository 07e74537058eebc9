import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { buildDocx, STORY } from '../src/main/services/docx/__fixtures__/docxWriter'
import {
  WORD_LIST_VARIANTS_BODY,
  WORD_LIST_VARIANTS_CLIPBOARD_HTML
} from '../src/shared/editor/clipboardSamples'
import { test, expect } from './fixtures'
import { startArticle, storedArticle } from './editorSupport'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function storyFile(dir: string, name = 'gipfel.docx'): Promise<string> {
  const file = join(dir, '..', `${Date.now()}-${name}`)
  await writeFile(file, await buildDocx(STORY))
  return file
}

/** Drops a file on the middle of `target` as a drag from the desktop does. */
async function dropFile(
  page: Page,
  target: Locator,
  file: { name: string; type: string; bytes: Buffer }
): Promise<void> {
  const box = await target.boundingBox()
  if (!box) throw new Error('drop target not visible')
  const x = box.x + box.width / 2
  const y = box.y + Math.min(box.height / 2, 40)
  await page.evaluate(
    ({ name, type, base64, x, y }) => {
      const data = new DataTransfer()
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      data.items.add(new File([bytes], name, { type }))
      const el = document.elementFromPoint(x, y)
      if (!el) throw new Error('nothing at the drop point')
      for (const event of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(
          new DragEvent(event, {
            dataTransfer: data,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true
          })
        )
      }
    },
    { name: file.name, type: file.type, base64: file.bytes.toString('base64'), x, y }
  )
}

/** What the reader sees of the story in the editor, and what the notes say. */
async function expectStoryOnScreen(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    'Gipfel in Wladiwostok endet ohne Einigung'
  )
  const body = page.getByRole('textbox', { name: 'Body' })
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('Die Streitpunkte')
  await expect(body.getByRole('heading', { level: 3 })).toHaveText('Der Zeitplan')
  await expect(body.getByRole('link', { name: 'der Sonderseite' })).toHaveAttribute(
    'href',
    'https://example.com/gipfel'
  )
  await expect(body.locator('strong')).toHaveText('Wladiwostok.')
  await expect(body.locator('em')).toHaveText('bis spät')
  await expect(body.locator('ul').first().locator(':scope > li')).toHaveText([
    'Zölle auf StahlFischereirechte',
    'Visafragen'
  ])
  await expect(body.locator('ol > li')).toHaveText([
    'Treffen der Fachminister',
    'Neuer Gipfel im Herbst'
  ])
  await expect(body.locator('blockquote')).toHaveText('Wir sind weiter als je zuvor.')
  // The title is the headline, not a heading in the body; accepted text only.
  await expect(body).not.toContainText('endet ohne Einigung')
  await expect(body).toContainText('teilte das Außenministerium mit')
  await expect(body).not.toContainText('sagte ein Sprecher')
  await expect(body).not.toContainText('Quelle prüfen')
  // The photo is a figure in the body, shown from the photo desk, with its alt text.
  const photo = body.getByRole('img', { name: 'Die Delegationen am Verhandlungstisch' })
  await expect(photo).toBeVisible()
  await expect(photo).toHaveJSProperty('naturalWidth', 40)
  const notes = page.getByRole('status', { name: `Imported from ${name}` })
  await expect(notes).toContainText('Check the text against the original')
  await expect(notes.getByRole('listitem')).toHaveText([
    'Tracked changes were accepted (insertions kept: 1, deletions dropped: 1).',
    '1 comment was not imported.'
  ])
}

test('Import Word document… makes a new draft: headline, structure, photo, and notes on what was left out', async ({
  page,
  harness
}) => {
  const file = await storyFile(harness.libraryDir)
  const name = file.split('/').pop()!
  await page.goto(harness.url)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import Word document…' }).click()
  await (await chooser).setFiles(file)
  await expectStoryOnScreen(page, name)

  const stored = await storedArticle(harness.libraryDir)
  expect(stored.headline).toBe('Gipfel in Wladiwostok endet ohne Einigung')
  expect(JSON.stringify(stored.body)).toContain('"alt":"Die Delegationen am Verhandlungstisch"')

  // The notes stay until dismissed.
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByRole('status', { name: `Imported from ${name}` })).toHaveCount(0)
})

test('a .docx dropped on the library becomes a draft; a password-protected one is refused in German, nothing created', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  const library = page.getByRole('region', { name: 'Drafts' })
  await dropFile(page, library, {
    name: 'gipfel.docx',
    type: DOCX_TYPE,
    bytes: await buildDocx(STORY)
  })
  await expectStoryOnScreen(page, 'gipfel.docx')
  await page.getByRole('button', { name: 'Library' }).first().click()
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1)

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  const ole = Buffer.alloc(2048)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 512)
  const bibliothek = page.getByRole('region', { name: 'Entwürfe' })
  await dropFile(page, bibliothek, { name: 'geheim.docx', type: DOCX_TYPE, bytes: ole })
  await expect(page.getByRole('alert')).toHaveText(
    'geheim.docx ist mit einem Kennwort geschützt. In Word öffnen, das Kennwort entfernen (Datei → Informationen → Dokument schützen), speichern und erneut importieren.'
  )
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Word-Dokument importieren…' }).click()
  const damaged = join(harness.libraryDir, '..', `${Date.now()}-kaputt.docx`)
  await writeFile(damaged, (await buildDocx(STORY)).subarray(0, 400))
  await (await chooser).setFiles(damaged)
  await expect(page.getByRole('alert')).toContainText(
    'ist beschädigt und kann nicht gelesen werden.'
  )
  await expect(page.getByRole('list', { name: 'Entwürfe' }).getByRole('listitem')).toHaveCount(1)
  const articles = (await readdir(join(harness.libraryDir, 'articles'))).filter((f) =>
    f.endsWith('.json')
  )
  expect(articles).toHaveLength(1)
})

test('a .docx dropped on an empty article fills it; on an article with text it changes nothing and says so', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  const bytes = await buildDocx(STORY)
  await dropFile(page, body, { name: 'gipfel.docx', type: DOCX_TYPE, bytes })
  await expectStoryOnScreen(page, 'gipfel.docx')
  await expect
    .poll(async () => (await storedArticle(harness.libraryDir)).headline, { timeout: 10_000 })
    .toBe('Gipfel in Wladiwostok endet ohne Einigung')

  await dropFile(page, body, { name: 'zweite.docx', type: DOCX_TYPE, bytes })
  await expect(page.getByRole('alert')).toHaveText(/can only be dropped on an empty article/)
  await expect(body.locator('ul').first().locator(':scope > li')).toHaveCount(2)
})

test('a Word list pasted into the body becomes a real list, without Word’s bullet characters', async ({
  page,
  harness
}) => {
  await startArticle(page, harness.url)
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.evaluate((markup) => {
    const data = new DataTransfer()
    data.setData('text/html', markup)
    data.setData('text/plain', markup.replace(/<[^>]*>/g, ' '))
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  }, WORD_LIST_VARIANTS_CLIPBOARD_HTML)
  await expect(body.locator('ul').first().locator(':scope > li')).toHaveCount(2)
  await expect(body.locator('li').first().locator('p').first()).toHaveText('Zölle auf Stahl')
  await expect(body.locator('ol').first().locator('li')).toHaveText([
    'Treffen der Fachminister',
    'Neuer Gipfel im Herbst'
  ])
  for (const text of await body.locator('li p').allTextContents()) {
    expect(text).not.toMatch(/^[\s\u00a0]*([•·§o]|\d\.)[\s\u00a0]/)
  }
  await expect
    .poll(async () => JSON.stringify((await storedArticle(harness.libraryDir)).body), {
      timeout: 10_000
    })
    .toContain('"text":"vor Sachalin"')
  const stored = (await storedArticle(harness.libraryDir)).body as typeof WORD_LIST_VARIANTS_BODY
  expect(stored.content!.map((n) => n.type)).toEqual(
    WORD_LIST_VARIANTS_BODY.content!.map((n) => n.type)
  )
})
