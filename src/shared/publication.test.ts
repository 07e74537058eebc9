import { describe, expect, it } from 'vitest'
import { articleSchema } from './article'
import {
  packageVersionOf,
  planPublication,
  publicationSchema,
  reinstated,
  type Publication
} from './publication'

const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)
const T = (m: number): string => `2024-05-02T14:${String(m).padStart(2, '0')}:00+02:00`

function publish(record: Publication | undefined, hash: string, m: number, correction?: string) {
  return planPublication({
    record,
    intent: { kind: 'publish', correction },
    contentHash: hash,
    exportedAt: T(m),
    file: `/out/v${m}.zip`
  })
}

describe('planPublication', () => {
  it('numbers a first export 1, repeats it for the same content and counts up on a change', () => {
    const first = publish(undefined, H1, 0)
    expect([first.version, first.kind, first.firstCreated]).toEqual([1, 'first', T(0)])
    const resend = publish(first.record, H1, 5)
    expect([resend.version, resend.kind, resend.versionCreated]).toEqual([1, 'resend', T(0)])
    const update = publish(resend.record, H2, 10)
    expect([update.version, update.kind, update.firstCreated]).toEqual([2, 'update', T(0)])
    expect(publicationSchema.parse(update.record).versions).toHaveLength(3)
  })

  it('makes a correction a new version even for the same content, and keeps it afterwards', () => {
    const first = publish(undefined, H1, 0)
    const corrected = publish(first.record, H1, 5, '  Name korrigiert.  ')
    expect([corrected.version, corrected.kind]).toEqual([2, 'correction'])
    const later = publish(corrected.record, H2, 9)
    expect(later.corrections).toEqual([{ at: T(5), text: 'Name korrigiert.', version: 2 }])
    expect(
      packageVersionOf({ createdAt: T(0), updatedAt: T(0), publication: later.record })
    ).toMatchObject({
      version: 3,
      kind: 'update',
      corrections: [{ text: 'Name korrigiert.' }]
    })
  })

  it('refuses what makes no sense, saying why', () => {
    expect(() => publish(undefined, H1, 0, 'Fehler')).toThrow(/earlier published version/)
    const first = publish(undefined, H1, 0)
    expect(() => publish(first.record, H1, 1, '   ')).toThrow(/correction note is empty/)
    expect(() =>
      planPublication({
        record: undefined,
        intent: { kind: 'kill', notice: 'weg' },
        contentHash: H1,
        exportedAt: T(1),
        file: 'k.zip'
      })
    ).toThrow(/never exported/)
  })

  it('kills as a canceled new version, refuses exports after it and continues once reinstated', () => {
    const first = publish(undefined, H1, 0)
    const kill = planPublication({
      record: first.record,
      intent: { kind: 'kill', notice: 'Zurückgezogen.', reason: 'Gericht' },
      contentHash: H2,
      exportedAt: T(3),
      file: 'kill.zip'
    })
    expect([kill.version, kill.kind, kill.pubStatus]).toEqual([2, 'kill', 'canceled'])
    expect(kill.record.killed).toEqual({ at: T(3), notice: 'Zurückgezogen.', reason: 'Gericht' })
    expect(() => publish(kill.record, H1, 4)).toThrow(/withdrawn .* reinstate/)
    // The same text as version 1 again after a kill is still news to receivers.
    const back = publish(reinstated(kill.record), H1, 6)
    expect([back.version, back.kind, back.pubStatus]).toEqual([3, 'update', 'usable'])
  })
})

describe('publicationSchema', () => {
  it('says where a stored record is wrong', () => {
    const first = publish(undefined, H1, 0).record
    const broken = { ...first, versions: [{ ...first.versions[0]!, version: 3 }] }
    const result = publicationSchema.safeParse(broken)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual(['versions', 0, 'version'])
    expect(result.error!.issues[0]!.message).toMatch(/should be 1/)
  })

  it('reads an article from before publication records without one', () => {
    const old = {
      schemaVersion: 1,
      id: '0b6f2c1e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
      revision: 3,
      createdAt: T(0),
      updatedAt: T(1),
      status: 'exported',
      language: 'de',
      timeZone: 'Europe/Berlin',
      kicker: null,
      headline: 'Alt',
      teaser: null,
      bylines: [],
      dateline: { place: null, source: null },
      slugline: null,
      tags: [],
      edNote: null,
      notes: null,
      publishedAt: null,
      embargoedUntil: null,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      lead: null,
      galleries: []
    }
    const article = articleSchema.parse(old)
    expect(article.publication).toBeUndefined()
    expect(packageVersionOf(article)).toMatchObject({ version: 1, firstCreated: T(0) })
  })
})
