import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Article, PmNode } from '../article'
import { FULL_BODY, withoutNodeIds } from '../editor/__fixtures__/bodies'
import { figureNode, pullQuoteNode } from '../editor/bodyNodes'
import { bodySchema, canonicalBody } from '../editor/extensions'
import { emptyStringArticle, fullArticle, nullArticle } from './__fixtures__/articles'
import {
  ARTICLE_DOC_BODY,
  articleToDoc,
  docToArticle,
  emptyArticleDoc,
  TEXT_FIELDS
} from './articleDoc'
import { docProblem } from './docProblem'

const stampOf = (a: Article): { revision: number; updatedAt: string } => ({
  revision: a.revision,
  updatedAt: a.updatedAt
})

const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Through a document and back, also through the document's encoded state (as a log stores it). */
function roundTrip(article: Article): Article {
  const doc = articleToDoc(article)
  const direct = docToArticle(doc, stampOf(article))
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  expect(docToArticle(copy, stampOf(article))).toEqual(direct)
  return direct
}

/** The fragment's structure with value types: node names, attributes, text deltas. */
function dump(item: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook): unknown {
  if (item instanceof Y.XmlText) return { text: item.toDelta() }
  if (item instanceof Y.XmlElement) {
    return { name: item.nodeName, attrs: item.getAttributes(), children: item.toArray().map(dump) }
  }
  if (item instanceof Y.XmlFragment) return item.toArray().map(dump)
  return 'hook'
}

// Bodies beyond FULL_BODY: lists in lists, empty blocks, link beside bold, figures from the
// helpers the CLI and import use, a body without ids (as pasted or imported).
const EXTRA_BODIES: PmNode[] = [
  {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Eins' }] },
      { type: 'paragraph', content: [] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Drei' }] }
    ]
  },
  withoutNodeIds(FULL_BODY),
  {
    type: 'doc',
    content: [
      figureNode(
        { assetId: 'a'.repeat(64), caption: '  Bild  ', credit: '', photographer: 'X', alt: null },
        'fig0000001'
      ),
      pullQuoteNode('Zitat', '', 'pq00000001'),
      pullQuoteNode('Nur Zitat'),
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'außen' }] },
              {
                type: 'orderedList',
                attrs: { start: 1 },
                content: [
                  {
                    type: 'listItem',
                    content: [
                      {
                        type: 'paragraph',
                        content: [
                          {
                            type: 'text',
                            text: 'innen',
                            marks: [
                              { type: 'link', attrs: { href: 'mailto:a@b.de' } },
                              { type: 'italic' },
                              { type: 'bold' }
                            ]
                          },
                          { type: 'text', text: ' 😀 weiter' }
                        ]
                      }
                    ]
                  }
                ]
              }
            ]
          }
        ]
      },
      { type: 'heading', attrs: { level: 3 } },
      { type: 'blockquote', content: [{ type: 'paragraph' }] }
    ]
  }
]

describe('article → document → article', () => {
  it('keeps every field of a full article: texts, choices, lists, lead, galleries, metadata', () => {
    const article = fullArticle()
    const back = roundTrip(article)
    // FULL_BODY is already in canonical form, so the whole article comes back equal.
    expect(canonicalBody(article.body)).toEqual(article.body)
    expect(back).toStrictEqual(article)
  })

  it('keeps null apart from "" in every nullable text, and absent metadata absent', () => {
    // A new draft's body (one paragraph without attributes) comes back in canonical form.
    const canonical = (a: Article): Article => ({ ...a, body: plainJson(canonicalBody(a.body)) })
    const nulls = roundTrip(nullArticle())
    expect(nulls).toStrictEqual(canonical(nullArticle()))
    expect('publication' in nulls).toBe(false)
    expect('importedFrom' in nulls).toBe(false)
    for (const key of TEXT_FIELDS) expect(nulls[key]).toBeNull()
    const empties = roundTrip(emptyStringArticle())
    expect(empties).toStrictEqual(canonical(emptyStringArticle()))
    for (const key of TEXT_FIELDS) expect(empties[key]).toBe('')
    expect(empties.lead).toEqual({
      assetId: expect.any(String),
      caption: '',
      credit: '',
      photographer: '',
      alt: ''
    })
  })

  it('keeps node types, attribute types (numbers, null), marks and text of every body', () => {
    for (const body of [FULL_BODY, ...EXTRA_BODIES]) {
      const article = { ...fullArticle(), body }
      expect(roundTrip(article)).toStrictEqual({ ...article, body: plainJson(canonicalBody(body)) })
    }
    const ordered = roundTrip({ ...fullArticle(), body: FULL_BODY }).body.content!
    expect(ordered.find((n) => n.type === 'orderedList')?.attrs).toEqual({
      nodeId: 'l00000002',
      start: 3,
      type: null
    })
    expect(ordered.find((n) => n.type === 'heading')?.attrs?.level).toBe(2)
  })

  it('writes the body fragment exactly as y-tiptap writes it, and y-tiptap reads it back', () => {
    for (const body of [FULL_BODY, ...EXTRA_BODIES]) {
      const ours = articleToDoc({ ...fullArticle(), body }).getXmlFragment(ARTICLE_DOC_BODY)
      const theirsDoc = new Y.Doc()
      const theirs = theirsDoc.getXmlFragment(ARTICLE_DOC_BODY)
      prosemirrorJSONToYXmlFragment(bodySchema(), body, theirs)
      expect(dump(ours)).toEqual(dump(theirs))
      const read = yXmlFragmentToProsemirrorJSON(ours) as PmNode
      expect(canonicalBody(read)).toEqual(canonicalBody(body))
    }
    const level = articleToDoc({ ...fullArticle(), body: FULL_BODY })
      .getXmlFragment(ARTICLE_DOC_BODY)
      .get(1) as Y.XmlElement
    expect(level.getAttribute('level')).toBe(2)
    // y-tiptap leaves null attributes out; so do we (the editor removes them anyway).
    const figure = articleToDoc({ ...fullArticle(), body: FULL_BODY })
      .getXmlFragment(ARTICLE_DOC_BODY)
      .get(4) as Y.XmlElement
    expect(figure.getAttributes()).toEqual({ nodeId: 'f00000002', assetId: expect.any(String) })
  })

  it('converts the same article into the same bytes every time, so two first opens merge to one', () => {
    const a = articleToDoc(fullArticle())
    const b = articleToDoc(fullArticle())
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(docToArticle(a, stampOf(fullArticle()))).toEqual(fullArticle())
    // Edits after the conversion come from a client id of their own.
    expect(a.clientID).not.toBe(b.clientID)
  })

  it('writes half a surrogate pair as U+FFFD, the same in memory and in the encoded state', () => {
    const article = { ...fullArticle(), headline: 'a\uD800b', tags: ['x\uDC00'] }
    const doc = articleToDoc(article)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    for (const d of [doc, copy]) {
      const back = docToArticle(d, stampOf(article))
      expect(back.headline).toBe('a\uFFFDb')
      expect(back.tags).toEqual(['x\uFFFD'])
    }
  })

  it('makes a new draft that is a valid article', () => {
    const doc = emptyArticleDoc(
      { id: '2f1c7a52-9d3e-4b8a-a1c4-5e6f7a8b9c0e', createdAt: '2024-05-01T09:00:00Z' },
      { headline: 'Neu' }
    )
    expect(docProblem(doc)).toBeNull()
    const article = docToArticle(doc, { revision: 1, updatedAt: '2024-05-01T09:00:01Z' })
    expect(article.headline).toBe('Neu')
    expect(article.body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { nodeId: null } }]
    })
  })
})
