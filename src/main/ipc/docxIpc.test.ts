import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../shared/article'
import { Channels } from '../../shared/channels'
import type { DocxConversion } from '../../shared/contract/docx'
import { buildDocx, STORY } from '../services/docx/__fixtures__/docxWriter'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let ipc: IpcClient

beforeEach(async () => {
  ipc = await openIpcClient('copydesk-docx-ipc-')
})
afterEach(async () => {
  await ipc.close()
})

describe('docx:convert', () => {
  it('converts bytes (and base64) into parts the article channels store as they are', async () => {
    const bytes = new Uint8Array(await buildDocx(STORY))
    const parts = await ipc.value<DocxConversion>(Channels.docxConvert, {
      name: 'gipfel.docx',
      bytes
    })
    expect(parts.headline).toBe('Gipfel in Wladiwostok endet ohne Einigung')
    expect(parts.notes.map((n) => n.kind)).toEqual(['tracked-changes', 'comments'])
    const article = await ipc.value<Article>(Channels.articlesCreate, {
      headline: parts.headline,
      body: parts.body
    })
    expect(article.body).toEqual(parts.body)
    // The same document again (as base64, the harness's transport): the photo is one asset.
    const again = await ipc.value<DocxConversion>(Channels.docxConvert, {
      name: 'gipfel.docx',
      base64: Buffer.from(bytes).toString('base64')
    })
    expect(again.assetIds).toEqual(parts.assetIds)
    expect((await ipc.services.assets.list()).length).toBe(1)
  })

  it('refuses a password-protected file as a Result with its reason, and bad input', async () => {
    const ole = Buffer.alloc(1024)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 512)
    expect(
      await ipc.call(Channels.docxConvert, { name: 'geheim.docx', bytes: new Uint8Array(ole) })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', detail: { reason: 'encrypted' } }
    })
    expect(
      await ipc.call(Channels.docxConvert, { name: 'x.docx', path: '/etc/passwd' })
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await ipc.services.articles.list()).toEqual([])
  })
})
