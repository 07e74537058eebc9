import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Article } from '../article'
import { fullArticle } from './__fixtures__/articles'
import {
  ARTICLE_DOC_BODY,
  ARTICLE_DOC_FIELDS,
  ARTICLE_DOC_META,
  applyPatchToDoc,
  articleToDoc,
  docToArticle
} from './articleDoc'
import { docProblem, updateProblem } from './docProblem'

/** The hub's document and a peer's copy of it. */
function hubAndPeer(article: Article = fullArticle()): { hub: Y.Doc; peer: Y.Doc } {
  const hub = articleToDoc(article)
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(hub))
  return { hub, peer }
}

/** What the peer changed since it had the hub's state, as it would send it. */
function updateFrom(peer: Y.Doc, hub: Y.Doc, change: (peer: Y.Doc) => void): Uint8Array {
  const since = Y.encodeStateVector(hub)
  change(peer)
  return Y.encodeStateAsUpdate(peer, since)
}

const fields = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ARTICLE_DOC_FIELDS)
const text = (doc: Y.Doc, key: string): Y.Text => fields(doc).get(key) as Y.Text

/** Asserts the refusal and that the hub's document did not change. */
function expectRefused(hub: Y.Doc, update: Uint8Array, field: string, message: RegExp): void {
  const before = Y.encodeStateAsUpdate(hub)
  const problem = updateProblem(hub, update)
  expect(problem?.field).toBe(field)
  expect(problem?.message).toMatch(message)
  expect(Y.encodeStateAsUpdate(hub)).toEqual(before)
}

describe('updateProblem', () => {
  it('accepts a valid update without touching the document', () => {
    const { hub, peer } = hubAndPeer()
    const update = updateFrom(peer, hub, (p) =>
      applyPatchToDoc(p, { headline: 'Neue Zeile', status: 'editing', tags: ['Bund'] })
    )
    const before = Y.encodeStateAsUpdate(hub)
    expect(updateProblem(hub, update)).toBeNull()
    expect(Y.encodeStateAsUpdate(hub)).toEqual(before)
    Y.applyUpdate(hub, update)
    expect(docProblem(hub)).toBeNull()
    expect(docToArticle(hub, { revision: 1, updatedAt: fullArticle().updatedAt }).headline).toBe(
      'Neue Zeile'
    )
  })

  it('accepts the first update of a new document (a conversion) into an empty one', () => {
    const converted = articleToDoc(fullArticle())
    expect(updateProblem(new Y.Doc(), Y.encodeStateAsUpdate(converted))).toBeNull()
  })

  it('refuses a control character typed into a one-line field', () => {
    const { hub, peer } = hubAndPeer()
    const update = updateFrom(peer, hub, (p) => text(p, 'headline').insert(3, '\u001b]0;x\u0007'))
    expectRefused(hub, update, 'headline', /control character U\+001B at character 4/)
  })

  it('refuses a body node the schema does not know, and a figure without its asset', () => {
    const { hub, peer } = hubAndPeer()
    const script = updateFrom(peer, hub, (p) => {
      const el = new Y.XmlElement('script')
      p.getXmlFragment(ARTICLE_DOC_BODY).insert(0, [el])
    })
    expectRefused(hub, script, 'body', /^Unknown node type: script$/)
    const other = hubAndPeer()
    const figure = updateFrom(other.peer, other.hub, (p) => {
      const el = new Y.XmlElement('figure')
      el.insert(0, [new Y.XmlElement('figureCaption')])
      p.getXmlFragment(ARTICLE_DOC_BODY).insert(1, [el])
    })
    expectRefused(other.hub, figure, 'body', /assetId|asset id/)
  })

  it('refuses an impossible date, an unknown status or time zone, an over-long headline', () => {
    const cases: Array<[(p: Y.Doc) => void, string, RegExp]> = [
      [(p) => fields(p).set('publishedAt', '2024-02-30T10:00:00+01:00'), 'publishedAt', /29 days/],
      [(p) => fields(p).set('embargoedUntil', 'tomorrow'), 'embargoedUntil', /ISO-8601/],
      [(p) => fields(p).set('status', 'published'), 'status', /.+/],
      [(p) => fields(p).set('timeZone', 'Mars/Olympus'), 'timeZone', /not a time zone/],
      [(p) => text(p, 'headline').insert(0, 'x'.repeat(20_001)), 'headline', /20000|20,000/]
    ]
    for (const [change, field, message] of cases) {
      const { hub, peer } = hubAndPeer()
      expectRefused(hub, updateFrom(peer, hub, change), field, message)
    }
  })

  it('refuses a changed identity and anything outside the article layout', () => {
    const cases: Array<[(p: Y.Doc) => void, string, RegExp]> = [
      [
        (p) => p.getMap(ARTICLE_DOC_META).set('id', '00000000-0000-4000-8000-000000000000'),
        'id',
        /cannot be changed/
      ],
      [
        (p) => p.getMap(ARTICLE_DOC_META).set('createdAt', '2020-01-01T00:00:00Z'),
        'createdAt',
        /cannot/
      ],
      [(p) => p.getMap('evil').set('x', 1), 'evil', /not a part/],
      [(p) => fields(p).set('script', '<b>'), 'script', /not an article field/],
      [(p) => fields(p).set('headline', 'plain string'), 'headline', /not a text/],
      [(p) => fields(p).delete('status'), 'status', /missing/]
    ]
    for (const [change, field, message] of cases) {
      const { hub, peer } = hubAndPeer()
      expectRefused(hub, updateFrom(peer, hub, change), field, message)
    }
  })

  it('refuses bytes that are no update, and an update whose predecessor is missing', () => {
    const { hub, peer } = hubAndPeer()
    expectRefused(
      hub,
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]),
      'update',
      /readable/
    )
    const first = updateFrom(peer, hub, (p) => text(p, 'kicker').insert(0, 'A'))
    const afterFirst = Y.encodeStateVector(peer)
    text(peer, 'kicker').insert(1, 'B')
    const second = Y.encodeStateAsUpdate(peer, afterFirst)
    expectRefused(hub, second, 'update', /missing before it/)
    expect(updateProblem(hub, first)).toBeNull()
  })

  it('judges only what an update changes by the input rules (old headlines still load)', () => {
    // Stored before the control-character rule: a bell in the headline.
    const legacy = { ...fullArticle(), headline: 'Alt\u0007 Schlagzeile' }
    const { hub, peer } = hubAndPeer(legacy)
    expect(docProblem(hub)?.field).toBe('headline')
    const teaser = updateFrom(peer, hub, (p) => applyPatchToDoc(p, { teaser: 'Neu' }))
    expect(updateProblem(hub, teaser)).toBeNull()
    const headline = updateFrom(peer, hub, (p) => text(p, 'headline').insert(0, 'Noch '))
    expectRefused(hub, headline, 'headline', /control character U\+0007/)
  })
})

describe('updateProblem over a session (its copy of the document kept between checks)', () => {
  it('follows the document through checked updates, local edits and refusals', () => {
    const { hub } = hubAndPeer()
    const stamp = { revision: 1, updatedAt: fullArticle().updatedAt }
    /** A peer that has everything the hub has. */
    const peerOf = (): Y.Doc => {
      const p = new Y.Doc()
      Y.applyUpdate(p, Y.encodeStateAsUpdate(hub))
      return p
    }
    const send = (p: Y.Doc, change: (p: Y.Doc) => void): Uint8Array => {
      const since = Y.encodeStateVector(p)
      change(p)
      return Y.encodeStateAsUpdate(p, since)
    }
    const peer = peerOf()
    for (let i = 0; i < 20; i++) {
      const update = send(peer, (p) => text(p, 'teaser').insert(0, String(i % 10)))
      expect(updateProblem(hub, update)).toBeNull()
      Y.applyUpdate(hub, update)
    }
    // A local edit on the hub (a CLI patch), then a peer update that builds on it.
    applyPatchToDoc(hub, { kicker: 'Vom Terminal' })
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(hub, Y.encodeStateVector(peer)))
    const onTop = send(peer, (p) => text(p, 'kicker').insert(0, 'Neu: '))
    expect(updateProblem(hub, onTop)).toBeNull()
    Y.applyUpdate(hub, onTop)
    // A refused update leaves nothing behind in the next check.
    expect(
      updateProblem(
        hub,
        send(peerOf(), (p) => text(p, 'headline').insert(0, '\u0007'))
      )
    ).toMatchObject({ field: 'headline' })
    const other = peerOf()
    const fine = send(other, (p) => text(p, 'notes').insert(0, 'Notiz '))
    expect(updateProblem(hub, fine)).toBeNull()
    // `fine` was accepted but never applied: the next check is against the document alone, so
    // an update built on `fine` lacks its predecessor.
    const onFine = send(other, (p) => text(p, 'notes').insert(0, 'Zweite '))
    expect(updateProblem(hub, onFine)?.message).toMatch(/missing/)
    const idChange = send(peerOf(), (p) =>
      p.getMap(ARTICLE_DOC_META).set('id', '00000000-0000-4000-8000-000000000000')
    )
    expect(updateProblem(hub, idChange)?.field).toBe('id')
    // A change on the hub that only deletes (no new items) is seen too.
    const retyper = peerOf()
    applyPatchToDoc(hub, { teaser: '' })
    expect(docToArticle(hub, stamp).teaser).toBe('')
    Y.applyUpdate(retyper, Y.encodeStateAsUpdate(hub, Y.encodeStateVector(retyper)))
    const retype = send(retyper, (p) => text(p, 'teaser').insert(0, 'Neu'))
    expect(updateProblem(hub, retype)).toBeNull()
    Y.applyUpdate(hub, retype)
    expect(docToArticle(hub, stamp).teaser).toBe('Neu')
    expect(docProblem(hub)).toBeNull()
  })
})

describe('docProblem', () => {
  it('passes a converted article and names the first problem of a broken one', () => {
    expect(docProblem(articleToDoc(fullArticle()))).toBeNull()
    const doc = articleToDoc(fullArticle())
    doc.getMap(ARTICLE_DOC_META).set('createdAt', '2024-13-01T00:00:00Z')
    expect(docProblem(doc)).toEqual({
      field: 'createdAt',
      message: expect.stringMatching(/month 13/)
    })
    expect(docProblem(new Y.Doc())?.message).toMatch(/missing|not a/)
  })
})
