import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '..'
import type { PmNode } from '../../../shared/article'
import { exportPackage } from '../export/exportPackage'
import { packageFiles, repackage, twoLibraries } from './__fixtures__/repackage'
import { importPackage } from './importPackage'

let root: string
let source: Services
let target: Services
/** The files of a good package, by path. */
let good: Map<string, Buffer>

beforeAll(async () => {
  ;({ root, source, target } = await twoLibraries('copydesk-import-check-'))
  const article = await source.articles.create({
    headline: 'Sonde landet auf dem Mars',
    bylines: ['Anna Beispiel'],
    dateline: { place: 'Berlin', source: null },
    publishedAt: '2026-03-04T10:00:00+01:00',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text' }] }]
    }
  })
  const zip = join(root, 'paket.zip')
  await exportPackage(source, article.id, zip, { force: true })
  good = await packageFiles(zip, join(root, 'unpacked'))
}, 90_000)

afterAll(async () => {
  await source?.close()
  await target?.close()
  await rm(root, { recursive: true, force: true })
})

/** The good package with its article edited, and a manifest that matches (only the edit is wrong). */
async function packageWith(
  name: string,
  edit: (article: Record<string, unknown>) => void
): Promise<string> {
  const files = new Map(good)
  const doc = JSON.parse(files.get('article.copydesk.json')!.toString()) as {
    article: Record<string, unknown>
  }
  edit(doc.article)
  files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
  return repackage(files, join(root, `${name}.zip`))
}

function nested(depth: number): PmNode {
  let node: PmNode = { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] }
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
}

describe('package import runs the article check', () => {
  it('imports the untouched package (the edits below are the only flaw)', async () => {
    const file = await packageWith('gut', () => undefined)
    const result = await importPackage(target, file)
    expect((await target.articles.get(result.articleId)).headline).toBe('Sonde landet auf dem Mars')
    await target.articles.delete(result.articleId)
  })

  const cases: [string, (article: Record<string, unknown>) => void, RegExp][] = [
    [
      'an unknown time zone',
      (a) => (a.timeZone = 'Mars/Olympus_Mons'),
      /timeZone: "Mars\/Olympus_Mons" is not a time zone/
    ],
    [
      '30 February',
      (a) => (a.publishedAt = '2024-02-30T10:00:00+02:00'),
      /publishedAt: "2024-02-30T10:00:00\+02:00" is not a calendar date/
    ],
    [
      'an offset of +99:99',
      (a) => (a.embargoedUntil = '2024-01-01T10:00:00+99:99'),
      /embargoedUntil: .*has offset \+99:99/
    ],
    ['a body 1,000 levels deep', (a) => (a.body = nested(1000)), /nested more than 200 levels/],
    [
      'a node type the editor does not know',
      (a) => (a.body = { type: 'doc', content: [{ type: 'iframe' }] }),
      /unknown node type "iframe"/
    ]
  ]
  for (const [what, edit, message] of cases) {
    it(`refuses ${what}, naming the file, and creates nothing`, async () => {
      const before = (await target.articles.list()).length
      const file = await packageWith(what.replace(/\W+/g, '-'), edit)
      await expect(importPackage(target, file)).rejects.toThrow(message)
      await expect(importPackage(target, file)).rejects.toThrow(/article\.copydesk\.json/)
      expect((await target.articles.list()).length).toBe(before)
    })
  }
})
