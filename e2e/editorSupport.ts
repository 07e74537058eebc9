import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from '@playwright/test'

/*
 * Helpers for the editing-desk specs (e2e/editor*.spec.ts, e2e/paste.spec.ts): photos made at
 * test time with sharp (XMP written by sharp itself, so no exiftool needed), and the article as
 * the library stores it (the CLI cannot read a library the running harness holds locked).
 */

export interface PhotoText {
  caption?: string
  credit?: string
  photographer?: string
  alt?: string
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function xmpPacket(text: PhotoText): string {
  const alt = (value: string): string =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`
  const parts: string[] = []
  if (text.caption) parts.push(`<dc:description>${alt(text.caption)}</dc:description>`)
  if (text.photographer) {
    parts.push(
      `<dc:creator><rdf:Seq><rdf:li>${escapeXml(text.photographer)}</rdf:li></rdf:Seq></dc:creator>`
    )
  }
  if (text.credit) parts.push(`<photoshop:Credit>${escapeXml(text.credit)}</photoshop:Credit>`)
  if (text.alt) {
    parts.push(
      `<Iptc4xmpCore:AltTextAccessibility>${alt(text.alt)}</Iptc4xmpCore:AltTextAccessibility>`
    )
  }
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
    ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">' +
    parts.join('') +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  )
}

/** Writes a small JPEG (a two-tone picture, so each colour is a different asset) with XMP text. */
export async function makePhoto(
  dir: string,
  name: string,
  colour: string,
  text: PhotoText = {},
  size: { width: number; height: number } = { width: 160, height: 120 }
): Promise<string> {
  const { width, height } = size
  let image = sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect width="${Math.ceil(width / 3)}" height="${height}" fill="#fff"/></svg>`
        )
      }
    ])
    .jpeg({ quality: 85 })
  if (Object.keys(text).length) image = image.withXmp(xmpPacket(text))
  const file = join(dir, name)
  await writeFile(file, await image.toBuffer())
  return file
}

/** The article as stored in the library folder (the only one there). */
export async function storedArticle(libraryDir: string): Promise<Record<string, unknown>> {
  const dir = join(libraryDir, 'articles')
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'))
  const text = await readFile(join(dir, file!), 'utf8')
  return (JSON.parse(text) as { article: Record<string, unknown> }).article
}

/** The article id in the page's location (`#/article/<id>`). */
export function articleIdOf(page: Page): string {
  const match = /#\/article\/([0-9a-f-]{36})/.exec(page.url())
  if (!match) throw new Error(`not on an article page: ${page.url()}`)
  return match[1]!
}

/** Opens the library and starts a new article; resolves when its editor is ready. */
export async function startArticle(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByRole('textbox', { name: 'Body' }).waitFor()
}

/** Picks files through the file dialog that clicking `trigger` opens. */
export async function chooseFiles(
  page: Page,
  trigger: () => Promise<void>,
  files: string[]
): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await trigger()
  await (await chooser).setFiles(files)
}
