import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, PmNode } from '../../shared/article'
import { Channels } from '../../shared/channels'
import type { Result } from '../../shared/result'
import { openIpcClient, type IpcClient } from './__fixtures__/ipcClient'

let client: IpcClient
beforeEach(async () => {
  client = await openIpcClient('copydesk-ipc-input-')
})
afterEach(async () => {
  await client.close()
})

function nested(depth: number): PmNode {
  let node: PmNode = { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] }
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

async function storedArticle(id: string): Promise<Article> {
  const raw = JSON.parse(await readFile(join(client.libraryDir, 'articles', `${id}.json`), 'utf8'))
  return raw.article as Article
}

describe('article input over IPC', () => {
  it('answers a body 1,000 levels deep with a Result, and the stored article stays', async () => {
    const article = await client.value<Article>(Channels.articlesCreate, { headline: 'Vorher' })
    const result = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { body: nested(1000), headline: 'Nachher' }
    })
    expect(errorOf(result)).toEqual({
      code: 'invalid-input',
      message:
        'Invalid input for articles:save: patch.body: the body is nested more than 200 levels deep'
    })
    const stored = await storedArticle(article.id)
    expect(stored.headline).toBe('Vorher')
    expect(stored.revision).toBe(1)
    // A body within the limit still saves.
    const ok = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { body: nested(150) }
    })
    expect(ok.ok).toBe(true)
  })

  it('refuses node types and marks the editor schema does not know, on save, create and copy', async () => {
    const article = await client.value<Article>(Channels.articlesCreate, {})
    const script: PmNode = { type: 'doc', content: [{ type: 'script', content: [] }] }
    const saved = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { body: script }
    })
    expect(errorOf(saved).message).toBe(
      'Invalid input for articles:save: patch.body.content.0.type: unknown node type "script" (not in the editor schema)'
    )
    const created = await client.call(Channels.articlesCreate, {
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }
        ]
      }
    })
    expect(errorOf(created).message).toContain('unknown mark "code"')
    const copy = await client.call(Channels.articlesSaveAsCopy, {
      id: article.id,
      patch: { body: script }
    })
    expect(errorOf(copy).code).toBe('invalid-input')
    expect((await client.value<unknown[]>(Channels.articlesList)).length).toBe(1)
  })

  it('refuses a body whose nodes sit where the schema does not allow them', async () => {
    const article = await client.value<Article>(Channels.articlesCreate, {})
    const result = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { body: { type: 'doc', content: [{ type: 'listItem', content: [] }] } }
    })
    expect(errorOf(result).message).toMatch(
      /^Invalid input for articles:save: body: Invalid content for node/
    )
  })

  it('refuses an unknown time zone and impossible dates, naming the field', async () => {
    const article = await client.value<Article>(Channels.articlesCreate, {})
    const zone = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { timeZone: 'Mars/Olympus_Mons' }
    })
    expect(errorOf(zone).message).toBe(
      'Invalid input for articles:save: patch.timeZone: "Mars/Olympus_Mons" is not a time zone (use an IANA name like Europe/Berlin)'
    )
    const date = await client.call(Channels.articlesCreate, {
      publishedAt: '2024-02-30T10:00:00+02:00'
    })
    expect(errorOf(date).message).toContain(
      'publishedAt: "2024-02-30T10:00:00+02:00" is not a calendar date'
    )
    const offset = await client.call(Channels.articlesSave, {
      id: article.id,
      baseRevision: 1,
      patch: { embargoedUntil: '2024-06-01T08:00:00+99:99' }
    })
    expect(errorOf(offset).message).toContain('has offset +99:99')
    expect((await storedArticle(article.id)).timeZone).toBe('Europe/Berlin')
  })
})
