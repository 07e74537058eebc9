import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainTextOf } from '../shared/articleText'
import { buildDocx, STORY } from '../main/services/docx/__fixtures__/docxWriter'
import { runCaptured, type Captured } from './__fixtures__/runCaptured'

let dir: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir })
}

async function listed(dirName: string): Promise<string[]> {
  return readdir(join(dir, 'library', dirName)).catch(() => [])
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-docx-'))
  await writeFile(join(dir, 'story.docx'), await buildDocx(STORY))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk new --body-file story.docx', () => {
  it('takes headline, body and photo from the Word document and says what it left out', async () => {
    const created = await cli('new', '--body-file', 'story.docx', '--json')
    expect(created.code).toBe(0)
    const article = JSON.parse(created.stdout)
    expect(article.headline).toBe('Gipfel in Wladiwostok endet ohne Einigung')
    const shown = await cli('show', article.id, '--json')
    const view = JSON.parse(shown.stdout)
    expect(view.headline).toBe('Gipfel in Wladiwostok endet ohne Einigung')
    expect(created.stderr.trim().split('\n')).toEqual([
      '--body-file story.docx: tracked changes were taken as accepted: 1 insertion kept, 1 deletion dropped',
      '--body-file story.docx: 1 comment was not imported'
    ])
    const list = JSON.parse((await cli('list', '--json')).stdout)
    expect(list).toHaveLength(1)
    expect(list[0].wordCount).toBeGreaterThan(30)
    // The photo is in the photo desk, and the body's figure points at it with the alt text.
    const assets = JSON.parse((await cli('assets', '--json')).stdout)
    expect(assets).toHaveLength(1)
    const figure = JSON.stringify(article.body)
    expect(figure).toContain(`"assetId":"${assets[0].id}"`)
    expect(figure).toContain('"alt":"Die Delegationen am Verhandlungstisch"')
    const text = plainTextOf(article.body)
    expect(text).toContain('teilte das Außenministerium mit')
    expect(text).not.toContain('sagte ein Sprecher')
    expect(text).not.toContain('Quelle prüfen')
  })

  it('--headline wins, and the document’s title heading then stays in the body', async () => {
    const created = await cli(
      'new',
      '--headline',
      'Kein Durchbruch in Wladiwostok',
      '--body-file',
      'story.docx',
      '--json'
    )
    expect(created.code).toBe(0)
    const article = JSON.parse(created.stdout)
    expect(article.headline).toBe('Kein Durchbruch in Wladiwostok')
    expect(plainTextOf(article.body).split('\n\n')[0]).toBe(
      'Gipfel in Wladiwostok endet ohne Einigung'
    )
  })

  it('prints only the id on stdout without --json', async () => {
    const created = await cli('new', '--body-file', 'story.docx')
    expect(created.code).toBe(0)
    expect(created.stdout.trim()).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('refuses a damaged document with exit 2 and one line naming the file; nothing is stored', async () => {
    await cli('new', '--headline', 'Schon da')
    const before = await listed('articles')
    const whole = await buildDocx(STORY)
    await writeFile(join(dir, 'kaputt.docx'), whole.subarray(0, Math.floor(whole.length / 2)))
    const result = await cli('new', '--body-file', 'kaputt.docx')
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      `copydesk: --body-file ${join(dir, 'kaputt.docx')}: is damaged: its ZIP container cannot be read`
    )
    expect(await listed('articles')).toEqual(before)
    expect(JSON.parse((await cli('assets', '--json')).stdout)).toEqual([])
  })

  it('refuses a password-protected document with exit 2, also under --json', async () => {
    const ole = Buffer.alloc(2048)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 512)
    await writeFile(join(dir, 'geheim.docx'), ole)
    const result = await cli('new', '--body-file', 'geheim.docx', '--json')
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'invalid-input',
        message: `--body-file ${join(dir, 'geheim.docx')}: is protected with a password; open it in Word, remove the password (File → Info → Protect Document) and save it again`
      }
    })
    expect(await listed('articles')).toEqual([])
  })

  it('refuses a PDF named .docx (exit 2) and a missing file (exit 3)', async () => {
    await writeFile(join(dir, 'story.pdf.docx'), '%PDF-1.7\n')
    const pdf = await cli('new', '--body-file', 'story.pdf.docx')
    expect(pdf.code).toBe(2)
    expect(pdf.stderr.trim()).toBe(
      `copydesk: --body-file ${join(dir, 'story.pdf.docx')}: is not a Word document (.docx)`
    )
    const missing = await cli('new', '--body-file', 'fehlt.docx')
    expect(missing.code).toBe(3)
    expect(missing.stderr.trim()).toBe(
      `copydesk: --body-file ${join(dir, 'fehlt.docx')}: no such file`
    )
  })

  it('a bad other option is refused before any image reaches the photo desk', async () => {
    const result = await cli('new', '--date', 'gestern', '--body-file', 'story.docx')
    expect(result.code).toBe(2)
    expect(JSON.parse((await cli('assets', '--json')).stdout)).toEqual([])
  })
})
