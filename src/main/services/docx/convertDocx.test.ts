import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../../../shared/article'
import { CopydeskError } from '../../../shared/result'
import { openServices, type Services } from '..'
import { overlapBomb } from '../packages/__fixtures__/hostilePackages'
import { rawZip } from '../packages/__fixtures__/rawZip'
import { buildDocx, docxParts, STORY, zipParts } from './__fixtures__/docxWriter'
import { convertDocx, docxNoteText } from './convertDocx'

let root = ''
let services: Services

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-docx-'))
  services = await openServices({
    libraryDir: join(root, 'library'),
    version: 't',
    systemLocale: 'de'
  })
})

afterEach(async () => {
  await services.close()
  await rm(root, { recursive: true, force: true })
})

/** The body without node ids, which are random. */
function shape(node: PmNode): PmNode {
  const { attrs, content, ...rest } = node
  const kept = attrs
    ? Object.fromEntries(Object.entries(attrs).filter(([k]) => k !== 'nodeId'))
    : {}
  return {
    ...rest,
    ...(Object.keys(kept).length ? { attrs: kept } : {}),
    ...(content ? { content: content.map(shape) } : {})
  }
}

function text(node: PmNode): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(text).join(node.type === 'doc' ? '\n' : '')
}

async function refusal(promise: Promise<unknown>): Promise<CopydeskError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CopydeskError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('convertDocx: the reporter’s story', () => {
  it('takes the title as headline, keeps structure and marks, the photo as a figure with its alt text', async () => {
    const result = await convertDocx('gipfel.docx', await buildDocx(STORY), services)
    expect(result.headline).toBe('Gipfel in Wladiwostok endet ohne Einigung')
    const body = shape(result.body)
    const types = body.content!.map((n) => n.type)
    // The Title paragraph that repeats the headline is not repeated in the body.
    expect(types).toEqual([
      'paragraph',
      'heading',
      'bulletList',
      'heading',
      'orderedList',
      'blockquote',
      'figure',
      'paragraph'
    ])
    expect(text(result.body)).not.toContain('Gipfel in Wladiwostok endet')
    expect(body.content![0]!.content).toEqual([
      { type: 'text', text: 'Wladiwostok.', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' Die Gespräche dauerten ' },
      { type: 'text', text: 'bis spät', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' in die Nacht, teilte das Außenministerium mit. Mehr unter ' },
      {
        type: 'text',
        text: 'der Sonderseite',
        marks: [{ type: 'link', attrs: { href: 'https://example.com/gipfel' } }]
      },
      { type: 'text', text: '.' }
    ])
    expect(body.content![1]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Die Streitpunkte' }]
    })
    expect(body.content![3]!.attrs).toEqual({ level: 3 })
    // Bullets nest, with no bullet characters in the text.
    const bullets = body.content![2]!
    expect(bullets.content).toHaveLength(2)
    expect(text(bullets.content![0]!)).toBe('Zölle auf StahlFischereirechte')
    expect(bullets.content![0]!.content![1]!.type).toBe('bulletList')
    expect(text(bullets)).not.toMatch(/[•·§]/)
    expect(text(body.content![4]!)).toBe('Treffen der FachministerNeuer Gipfel im Herbst')
    expect(text(body.content![5]!)).toBe('Wir sind weiter als je zuvor.')

    const figure = body.content![6]!
    expect(result.assetIds).toHaveLength(1)
    expect(figure.attrs).toMatchObject({
      assetId: result.assetIds[0],
      alt: 'Die Delegationen am Verhandlungstisch'
    })
    // The image went through the photo desk: a real asset with its renditions.
    const asset = await services.assets.get(result.assetIds[0]!)
    expect(asset.width).toBe(40)
    expect(asset.height).toBe(30)
    expect(asset.originalName).toBe('gipfel – image 1.png')

    // Accepted text only: the deletion is gone, the comment is not in the text.
    expect(text(result.body)).not.toContain('sagte ein Sprecher')
    expect(text(result.body)).not.toContain('Quelle prüfen')
    expect(text(body.content![7]!)).toBe('Beobachter zeigten sich enttäuscht.')
    expect(result.notes).toEqual([
      { kind: 'tracked-changes', insertions: 1, deletions: 1 },
      { kind: 'comments', count: 1 }
    ])
    expect(result.notes.map(docxNoteText)).toEqual([
      'tracked changes were taken as accepted: 1 insertion kept, 1 deletion dropped',
      '1 comment was not imported'
    ])
    // Every block carries a node id for the checks' jump.
    expect(result.body.content!.every((n) => typeof n.attrs?.nodeId === 'string')).toBe(true)
  })

  it('without a title, a first heading becomes the headline and leaves the body', async () => {
    const result = await convertDocx(
      'ohne-titel.docx',
      await buildDocx({
        title: null,
        blocks: [
          { kind: 'h1', text: 'Fähre fällt aus' },
          { kind: 'p', runs: [{ text: 'Sturm über der Ostsee.' }] }
        ]
      }),
      services
    )
    expect(result.headline).toBe('Fähre fällt aus')
    expect(shape(result.body).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Sturm über der Ostsee.' }] }
    ])
    expect(result.notes).toEqual([])
  })

  it('a document that starts with text has no headline and keeps its subheads', async () => {
    const result = await convertDocx(
      'text.docx',
      await buildDocx({
        blocks: [
          { kind: 'p', runs: [{ text: 'Erst der Text.' }] },
          { kind: 'h2', text: 'Dann die Zwischenzeile' }
        ]
      }),
      services
    )
    expect(result.headline).toBeNull()
    expect(result.body.content!.map((n) => n.type)).toEqual(['paragraph', 'heading'])
  })

  it('with the headline given by the user, the document’s heading stays in the body', async () => {
    const result = await convertDocx('gipfel.docx', await buildDocx(STORY), services, {
      headlineFromDocument: false
    })
    expect(result.headline).toBeNull()
    expect(shape(result.body.content![0]!)).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Gipfel in Wladiwostok endet ohne Einigung' }]
    })
  })

  it('an image the photo desk refuses is left out with its reason, the text still comes in', async () => {
    const result = await convertDocx(
      'kaputt.docx',
      await buildDocx({
        blocks: [
          { kind: 'p', runs: [{ text: 'Vorher.' }] },
          { kind: 'image', alt: 'Kaputtes Bild' },
          { kind: 'p', runs: [{ text: 'Nachher.' }] }
        ],
        image: Buffer.from('not a png at all')
      }),
      services
    )
    expect(result.assetIds).toEqual([])
    expect(text(result.body)).toBe('Vorher.\nNachher.')
    expect(result.notes).toHaveLength(1)
    expect(result.notes[0]).toMatchObject({ kind: 'image-refused', image: 'kaputt – image 1.png' })
    expect(docxNoteText(result.notes[0]!)).toMatch(
      /^image "kaputt – image 1.png" was not imported: \S/
    )
    expect((await services.assets.list()).length).toBe(0)
  })
})

describe('convertDocx: files it refuses, saying what and where', () => {
  it('a password-protected document (encrypted OLE container)', async () => {
    const error = await refusal(convertDocx('geheim.docx', encryptedDocx(), services))
    expect(error.code).toBe('invalid-input')
    expect(error.detail).toEqual({ reason: 'encrypted' })
    expect(error.message).toMatch(/^geheim\.docx: is protected with a password; .*save it again$/)
  })

  it('an old Word 97–2003 .doc', async () => {
    const error = await refusal(convertDocx('alt.docx', oleFile([]), services))
    expect(error.detail).toEqual({ reason: 'legacy-doc' })
    expect(error.message).toBe(
      'alt.docx: is an old Word 97–2003 document (.doc); open it in Word and save it as .docx'
    )
  })

  it('a PDF or text named .docx, and a ZIP that is no Word document', async () => {
    const pdf = await refusal(convertDocx('story.docx', Buffer.from('%PDF-1.7\n...'), services))
    expect(pdf.detail).toEqual({ reason: 'not-docx' })
    expect(pdf.message).toBe('story.docx: is not a Word document (.docx)')
    const zip = rawZip([{ name: 'manifest.json', data: Buffer.from('{}') }])
    const notWord = await refusal(convertDocx('paket.docx', zip, services))
    expect(notWord.detail).toEqual({ reason: 'not-docx' })
    expect(notWord.message).toBe(
      'paket.docx: is not a Word document (.docx): it has no word/document.xml'
    )
  })

  it('a damaged document: cut short, or XML that does not parse', async () => {
    const whole = await buildDocx(STORY)
    const cut = await refusal(
      convertDocx('halb.docx', whole.subarray(0, whole.length / 2), services)
    )
    expect(cut.detail).toEqual({ reason: 'corrupt' })
    expect(cut.message).toBe('halb.docx: is damaged: its ZIP container cannot be read')

    const parts = await docxParts(STORY)
    parts.set('word/document.xml', Buffer.from('<w:document><w:body><w:p>'))
    const broken = await refusal(convertDocx('xml.docx', zipParts(parts), services))
    expect(broken.detail).toEqual({ reason: 'corrupt' })
    expect(broken.message).toMatch(/^xml\.docx: is damaged: /)
  })

  it('a ZIP bomb is refused before mammoth inflates it, by the package importer’s checks', async () => {
    const overlap = await refusal(
      convertDocx(
        'bombe.docx',
        overlapBomb({ entries: 50, manifest: false, deflate: false }),
        services
      )
    )
    expect(overlap.detail).toEqual({ reason: 'zip-bomb' })
    expect(overlap.message).toMatch(/^bombe\.docx: refused at entry "images\/0001\.jpg": overlaps/)

    const parts = await docxParts(STORY)
    parts.set('word/media/filler.bin', Buffer.alloc(4 * 1024 * 1024))
    const ratio = await refusal(convertDocx('ratio.docx', zipParts(parts), services))
    expect(ratio.detail).toEqual({ reason: 'zip-bomb' })
    expect(ratio.message).toContain('word/media/filler.bin')
    expect(ratio.message).toContain('compression ratio above 100')
  })

  it('leaves nothing behind in the photo desk or the temp folder when it refuses', async () => {
    const before = await readdir(tmpdir())
    await refusal(convertDocx('halb.docx', (await buildDocx(STORY)).subarray(0, 500), services))
    expect(
      (await readdir(tmpdir())).filter((n) => n.startsWith('copydesk-docx-') && !before.includes(n))
    ).toEqual([])
    expect(await services.assets.list()).toEqual([])
  })
})

/**
 * An OLE compound file header followed by a directory entry naming the given stream (UTF-16LE),
 * as Word writes a password-protected document; enough for the signature check, as a real one
 * would be.
 */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x003e, 0x18)
  header.writeUInt16LE(0x0003, 0x1a)
  header.writeUInt16LE(0xfffe, 0x1c)
  header.writeUInt16LE(9, 0x1e)
  const entries = ['Root Entry', ...streams].map((name) => {
    const entry = Buffer.alloc(128)
    Buffer.from(name, 'utf16le').copy(entry, 0)
    entry.writeUInt16LE((name.length + 1) * 2, 0x40)
    entry[0x42] = name === 'Root Entry' ? 5 : 2
    return entry
  })
  return Buffer.concat([header, ...entries, Buffer.alloc(4096)])
}

function encryptedDocx(): Buffer {
  return oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])
}
