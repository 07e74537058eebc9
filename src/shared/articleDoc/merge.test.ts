import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Article, ArticlePatch, PmNode } from '../article'
import { ASSET_A, ASSET_B } from '../editor/__fixtures__/bodies'
import { ASSET_C, fullArticle } from './__fixtures__/articles'
import {
  ARTICLE_DOC_BODY,
  ARTICLE_DOC_FIELDS,
  applyPatchToDoc,
  articleToDoc,
  docToArticle
} from './articleDoc'
import { setTextMinimal } from './setTextMinimal'

const STAMP = { revision: 2, updatedAt: '2024-05-02T15:00:00+02:00' }

const para = (nodeId: string, text: string): PmNode => ({
  type: 'paragraph',
  attrs: { nodeId },
  content: [{ type: 'text', text }]
})

function baseArticle(): Article {
  return {
    ...fullArticle(),
    headline: 'Koalitoin einigt sich auf Kompormiss',
    body: {
      type: 'doc',
      content: [
        para('pa00000001', 'Die Koalition hat sich am Donnerstag geeinigt.'),
        para('pa00000002', 'Der Bundestag berät nächste Woche.'),
        para('pa00000003', 'Die Opposition kündigte Widerstand an.')
      ]
    }
  }
}

/** Two copies of one document, as two machines hold it after the first sync. */
function twoCopies(article: Article): [Y.Doc, Y.Doc] {
  const a = articleToDoc(article)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

/** Sends each copy what the other has, then both must read the same article. */
function sync(a: Y.Doc, b: Y.Doc): Article {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
  const fromA = docToArticle(a, STAMP)
  expect(docToArticle(b, STAMP)).toStrictEqual(fromA)
  return fromA
}

function patchOf(doc: Y.Doc, change: (article: Article) => ArticlePatch): ArticlePatch {
  return change(docToArticle(doc, STAMP))
}

describe('two copies edited at once merge', () => {
  it('keeps two fixes to different words of one headline', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(a, { headline: 'Koalition einigt sich auf Kompormiss' })
    applyPatchToDoc(b, { headline: 'Koalitoin einigt sich auf Kompromiss' })
    expect(sync(a, b).headline).toBe('Koalition einigt sich auf Kompromiss')
  })

  it('keeps a caption fixed on one machine while the gallery is reordered on the other', () => {
    const [a, b] = twoCopies(baseArticle())
    // A fixes the caption of the photo that B moves from last to first.
    applyPatchToDoc(
      a,
      patchOf(a, (art) => {
        const items = art.galleries[0]!.items.map((item) => ({ ...item }))
        items[2]!.caption = 'Again, from the roof'
        return { galleries: [{ ...art.galleries[0]!, items }, ...art.galleries.slice(1)] }
      })
    )
    applyPatchToDoc(
      b,
      patchOf(b, (art) => {
        const items = [...art.galleries[0]!.items]
        return {
          galleries: [
            { ...art.galleries[0]!, items: [items[2]!, items[0]!, items[1]!] },
            ...art.galleries.slice(1)
          ]
        }
      })
    )
    const merged = sync(a, b).galleries[0]!.items
    expect(merged.map((i) => [i.assetId, i.caption])).toEqual([
      [ASSET_B, 'Again, from the roof'],
      [ASSET_B, null],
      [ASSET_C, '']
    ])
  })

  it('keeps typing in two paragraphs of the body, and in two places of one paragraph', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(
      a,
      patchOf(a, (art) => ({
        body: {
          ...art.body,
          content: [
            para('pa00000001', 'Die Koalition hat sich am Donnerstag endlich geeinigt.'),
            ...art.body.content!.slice(1)
          ]
        }
      }))
    )
    applyPatchToDoc(
      b,
      patchOf(b, (art) => ({
        body: {
          ...art.body,
          content: [
            para('pa00000001', 'Die große Koalition hat sich am Donnerstag geeinigt.'),
            art.body.content![1]!,
            para('pa00000003', 'Die Opposition kündigte scharfen Widerstand an.')
          ]
        }
      }))
    )
    const texts = sync(a, b).body.content!.map((p) => p.content![0]!.text)
    expect(texts).toEqual([
      'Die große Koalition hat sich am Donnerstag endlich geeinigt.',
      'Der Bundestag berät nächste Woche.',
      'Die Opposition kündigte scharfen Widerstand an.'
    ])
  })

  it('keeps a byline fixed on one machine and a byline added on the other, tags from both', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(a, { bylines: ['Anna Beispiel', 'Jörg Müller-Lüdenscheidt', 'Zoë 😀 Smith'] })
    applyPatchToDoc(b, {
      bylines: ['Anna Beispiel', 'Jörg Müller', 'Zoë 😀 Smith', 'Ben Muster'],
      tags: ['Budget', 'Roads', 'Budget 2025', 'Bund']
    })
    applyPatchToDoc(a, { tags: ['Haushalt', 'Roads', 'Budget 2025'] })
    const merged = sync(a, b)
    expect(merged.bylines).toEqual([
      'Anna Beispiel',
      'Jörg Müller-Lüdenscheidt',
      'Zoë 😀 Smith',
      'Ben Muster'
    ])
    expect(merged.tags).toEqual(['Haushalt', 'Roads', 'Budget 2025', 'Bund'])
  })

  it('settles two leads picked at once on the same one everywhere, and a patch tidies up', () => {
    const [a, b] = twoCopies({ ...baseArticle(), lead: null })
    const use = (assetId: string): Article['lead'] => ({
      assetId,
      caption: null,
      credit: null,
      photographer: null,
      alt: null
    })
    applyPatchToDoc(a, { lead: use(ASSET_B) })
    applyPatchToDoc(b, { lead: use(ASSET_C) })
    const lead = sync(a, b).lead!.assetId
    expect([ASSET_B, ASSET_C]).toContain(lead)
    applyPatchToDoc(a, { lead: use(lead) })
    expect((a.getMap(ARTICLE_DOC_FIELDS).get('lead') as Y.Array<unknown>).length).toBe(1)
    expect(sync(a, b).lead!.assetId).toBe(lead)
  })

  it('keeps what two people type into an empty (null) kicker at once', () => {
    const [a, b] = twoCopies({ ...baseArticle(), kicker: null })
    applyPatchToDoc(a, { kicker: 'Eilmeldung' })
    applyPatchToDoc(b, { kicker: 'Exklusiv' })
    const kicker = sync(a, b).kicker
    expect([...(kicker ?? '')].sort().join('')).toBe([...'EilmeldungExklusiv'].sort().join(''))
    // Cleared on one machine while nobody types: null again everywhere.
    applyPatchToDoc(a, { kicker: null })
    expect(sync(a, b).kicker).toBeNull()
  })

  it('keeps one value when two people choose a status at once (last writer wins)', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(a, { status: 'editing' })
    applyPatchToDoc(b, { status: 'draft' })
    expect(['editing', 'draft']).toContain(sync(a, b).status)
  })
})

describe('applyPatchToDoc changes only what differs', () => {
  it('leaves a concurrent fix elsewhere in the same field standing', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(a, { headline: 'Koalition einigt sich auf Kompormiss' })
    // B types straight into the Y.Text (as a bound input does) near the end.
    const headline = b.getMap(ARTICLE_DOC_FIELDS).get('headline') as Y.Text
    headline.insert(headline.length, ' im Haushaltsstreit')
    expect(sync(a, b).headline).toBe('Koalition einigt sich auf Kompormiss im Haushaltsstreit')
  })

  it('keeps unchanged blocks as the same Y items and changes a paragraph by its middle', () => {
    const doc = articleToDoc(baseArticle())
    const fragment = doc.getXmlFragment(ARTICLE_DOC_BODY)
    const [first, second, third] = fragment.toArray() as Y.XmlElement[]
    const secondText = second!.get(0) as Y.XmlText
    const ops: number[] = []
    doc.on('update', (update: Uint8Array) => ops.push(update.length))
    applyPatchToDoc(
      doc,
      patchOf(doc, (art) => ({
        body: {
          ...art.body,
          content: [
            para('pn00000001', 'Neuer erster Absatz.'),
            art.body.content![0]!,
            para('pa00000002', 'Der Bundestag berät übernächste Woche.'),
            art.body.content![2]!
          ]
        }
      }))
    )
    const now = fragment.toArray() as Y.XmlElement[]
    expect(now[1]).toBe(first)
    expect(now[2]).toBe(second)
    expect(now[2]!.get(0)).toBe(secondText)
    expect(now[3]).toBe(third)
    expect(docToArticle(doc, STAMP).body.content![2]!.content![0]!.text).toBe(
      'Der Bundestag berät übernächste Woche.'
    )
    // One transaction, one update; far smaller than the body it touches.
    expect(ops).toHaveLength(1)
    expect(ops[0]).toBeLessThan(200)
    // The same patch again changes nothing at all.
    applyPatchToDoc(
      doc,
      patchOf(doc, (art) => ({ ...art }))
    )
    expect(ops).toHaveLength(1)
  })

  it('changes marks in place: bolding a word keeps concurrent typing in the same paragraph', () => {
    const [a, b] = twoCopies(baseArticle())
    applyPatchToDoc(
      a,
      patchOf(a, (art) => ({
        body: {
          ...art.body,
          content: [
            {
              type: 'paragraph',
              attrs: { nodeId: 'pa00000001' },
              content: [
                { type: 'text', text: 'Die ' },
                { type: 'text', text: 'Koalition', marks: [{ type: 'bold' }] },
                { type: 'text', text: ' hat sich am Donnerstag geeinigt.' }
              ]
            },
            ...art.body.content!.slice(1)
          ]
        }
      }))
    )
    const text = (b.getXmlFragment(ARTICLE_DOC_BODY).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(text.length - 1, ' nach langem Streit')
    const merged = sync(a, b).body.content![0]!.content!
    expect(merged).toEqual([
      { type: 'text', text: 'Die ' },
      { type: 'text', text: 'Koalition', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' hat sich am Donnerstag geeinigt nach langem Streit.' }
    ])
  })

  it('moves one gallery item with one position change, other items untouched', () => {
    const doc = articleToDoc(baseArticle())
    const gallery = (doc.getMap(ARTICLE_DOC_FIELDS).get('galleries') as Y.Array<Y.Map<unknown>>)
      .toArray()
      .find((g) => g.get('id') === 'gal-1')!
    const items = gallery.get('items') as Y.Array<Y.Map<unknown>>
    const before = items.toArray()
    const positions = before.map((m) => m.get('pos'))
    applyPatchToDoc(
      doc,
      patchOf(doc, (art) => {
        const [x, y, z] = art.galleries[0]!.items
        return {
          galleries: [{ ...art.galleries[0]!, items: [y!, x!, z!] }, ...art.galleries.slice(1)]
        }
      })
    )
    expect(items.toArray()).toEqual(before)
    const changed = items.toArray().filter((m, i) => m.get('pos') !== positions[i])
    expect(changed).toHaveLength(1)
    expect(docToArticle(doc, STAMP).galleries[0]!.items.map((i) => i.assetId)).toEqual([
      ASSET_C,
      ASSET_B,
      ASSET_B
    ])
  })

  it('gives new positions to items whose position key another program wrote badly', () => {
    const doc = articleToDoc(baseArticle())
    const gallery = (doc.getMap(ARTICLE_DOC_FIELDS).get('galleries') as Y.Array<Y.Map<unknown>>)
      .toArray()
      .find((g) => g.get('id') === 'gal-1')!
    const items = (gallery.get('items') as Y.Array<Y.Map<unknown>>).toArray()
    items[0]!.set('pos', '')
    items[1]!.set('pos', '0')
    items[2]!.set('pos', 5)
    const order = docToArticle(doc, STAMP).galleries[0]!.items
    applyPatchToDoc(doc, {
      galleries: [{ ...baseArticle().galleries[0]!, items: [...order].reverse() }]
    })
    expect(docToArticle(doc, STAMP).galleries[0]!.items).toEqual([...order].reverse())
  })

  it('replaces a lead of another photo and edits the overrides of the same one', () => {
    const doc = articleToDoc(baseArticle())
    const leads = doc.getMap(ARTICLE_DOC_FIELDS).get('lead') as Y.Array<Y.Map<unknown>>
    const first = leads.get(0)
    applyPatchToDoc(doc, { lead: { ...baseArticle().lead!, credit: 'dpa' } })
    expect(leads.get(0)).toBe(first)
    applyPatchToDoc(doc, {
      lead: { assetId: ASSET_B, caption: null, credit: null, photographer: null, alt: null }
    })
    expect(leads.get(0)).not.toBe(first)
    expect(docToArticle(doc, STAMP).lead?.assetId).toBe(ASSET_B)
    expect(ASSET_A).not.toBe(ASSET_B)
  })
})

describe('setTextMinimal', () => {
  it('keeps the common prefix and suffix and never splits a surrogate pair', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'Zoë 😀 Smith')
    const deltas: unknown[] = []
    text.observe((event) => deltas.push(event.delta))
    setTextMinimal(text, 'Zoë 😃 Smith')
    expect(text.toString()).toBe('Zoë 😃 Smith')
    expect(deltas).toEqual([[{ retain: 4 }, { delete: 2 }, { insert: '😃' }]])
    setTextMinimal(text, 'Zoë 😃 Smith')
    expect(deltas).toHaveLength(1)
    setTextMinimal(text, '')
    expect(text.toString()).toBe('')
  })
})
