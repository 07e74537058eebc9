import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleLibrary } from '../library/articleLibrary'
import { AssetStore } from '../assets/assetStore'
import { decodeXmlText, readPhotoMetadata, redecodeIim } from './photoMetadata'
import {
  ENTITY_CAPTION,
  bothDisagreeing,
  corruptMetadataJpeg,
  hasExiftool,
  iimLatin1,
  iimOnly,
  rawXmp,
  xmpOnly,
  xmpPacket,
  xmpWithEntities
} from '../assets/__fixtures__/corpus'

describe('redecodeIim', () => {
  const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1')
  it('turns UTF-8 bytes that exifr read as Latin-1 back into text', () => {
    expect(redecodeIim(latin1('Zürich – Jörg’s Café'))).toBe('Zürich – Jörg’s Café')
  })
  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const bytes = Buffer.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x20, 0x96, 0x20, 0x92])
    expect(redecodeIim(bytes.toString('latin1'))).toBe('Straße – ’')
  })
  it('leaves ASCII and already decoded text alone', () => {
    expect(redecodeIim('plain ASCII')).toBe('plain ASCII')
    expect(redecodeIim('schon „richtig“')).toBe('schon „richtig“')
  })
})

describe('decodeXmlText', () => {
  it('decodes the five entities and character references once', () => {
    expect(decodeXmlText('Smith &amp; Jones &lt;Ltd&gt; &quot;x&quot; it&apos;s')).toBe(
      'Smith & Jones <Ltd> "x" it\'s'
    )
    expect(decodeXmlText('&#39;&#xE4;&#XE4;&#8364;&#x1F4F7;')).toBe("'ä&#XE4;€📷")
    expect(decodeXmlText('&amp;amp; &amp;lt; &amp;#39;')).toBe('&amp; &lt; &#39;')
  })
  it('leaves what is not a reference, or not a character, as written', () => {
    expect(decodeXmlText('AT&T & more; &nbsp; &#0; &#xD800; &#x110000; &#;')).toBe(
      'AT&T & more; &nbsp; &#0; &#xD800; &#x110000; &#;'
    )
  })
})

describe('readPhotoMetadata', () => {
  it('prefers XMP, fills gaps from IIM, picks x-default of lang-alt and joins creators', () => {
    const m = readPhotoMetadata({
      iptc: { Caption: 'IIM caption', Credit: 'dpa', City: 'Berlin', DateCreated: '20240502' },
      dc: {
        description: [
          { lang: 'de', value: 'deutsch' },
          { lang: 'x-default', value: 'default' }
        ],
        creator: ['Anna Bäcker', 'Max Muster']
      },
      photoshop: { Credit: '  Reuters ' }
    })
    expect(m).toMatchObject({
      caption: 'default',
      credit: 'Reuters',
      photographer: 'Anna Bäcker, Max Muster',
      city: 'Berlin',
      dateCreated: '2024-05-02',
      alt: null
    })
  })
  it('gives all fields null for a file without metadata', () => {
    expect(Object.values(readPhotoMetadata(null)).every((v) => v === null)).toBe(true)
  })
})

const exiftoolHere = await hasExiftool()
if (!exiftoolHere)
  console.warn('photoMetadata.test: exiftool is missing, so the IIM/XMP cases are skipped')

// Through the whole import (worker, exifr, mapping), on files exiftool wrote.
describe('metadata read at import', () => {
  let root: string
  let articles: ArticleLibrary
  let store: AssetStore

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'copydesk-meta-'))
    articles = await ArticleLibrary.open(join(root, 'library'))
    store = await AssetStore.open(join(root, 'library'), { articles })
  })
  afterAll(async () => {
    await store?.close()
    await rm(root, { recursive: true, force: true })
  })

  async function importOne(
    make: (file: string) => Promise<void>
  ): Promise<Awaited<ReturnType<AssetStore['get']>>> {
    const file = join(root, `${make.name}.jpg`)
    await make(file)
    const [result] = await store.import([{ name: `${make.name}.jpg`, path: file }])
    if (!('assetId' in result)) throw new Error(result.error)
    return store.get(result.assetId)
  }

  it.skipIf(!exiftoolHere)('reads IIM declared UTF-8 with umlauts and ’ intact', async () => {
    const asset = await importOne(iimOnly)
    expect(asset.metadata).toEqual({
      caption: 'Zürich: Kundgebung vor dem Rathaus, Jörg’s Plakat',
      headline: 'Großdemo in Zürich',
      photographer: 'Jörg Müller',
      credit: 'dpa',
      source: 'dpa-Bildfunk',
      copyright: '© dpa 2024',
      usageTerms: null,
      dateCreated: '2024-05-02T14:30:00+02:00',
      city: 'Zürich',
      country: 'Schweiz',
      alt: null
    })
    expect(asset.embedded).toEqual(asset.metadata)
    expect(asset.warnings).toEqual([])
  })

  it.skipIf(!exiftoolHere)('reads XMP only, alt text and usage terms included', async () => {
    const asset = await importOne(xmpOnly)
    expect(asset.metadata).toEqual({
      caption: 'Köln: Blick auf den Dom’s Türme',
      headline: 'Der Dom',
      photographer: 'Anna Bäcker',
      credit: 'Reuters',
      source: 'RTR',
      copyright: '© Reuters',
      usageTerms: 'Nur für redaktionelle Zwecke',
      dateCreated: '2024-05-02T14:30:00+02:00',
      city: 'Köln',
      country: 'Deutschland',
      alt: 'Die zwei Türme des Kölner Doms gegen den Abendhimmel'
    })
  })

  it.skipIf(!exiftoolHere)('prefers XMP where IIM and XMP disagree', async () => {
    const asset = await importOne(bothDisagreeing)
    expect(asset.metadata).toMatchObject({
      caption: 'XMP: München’s Frauenkirche',
      credit: 'Reuters',
      photographer: 'Anna Bäcker',
      city: 'Zürich'
    })
  })

  it.skipIf(!exiftoolHere)('reads undeclared Windows-1252 IIM', async () => {
    const asset = await importOne(iimLatin1)
    expect(asset.metadata).toMatchObject({
      caption: 'Straße in Zürich – Café',
      credit: 'Keystone'
    })
  })

  it.skipIf(!exiftoolHere)('decodes what exiftool escaped in XMP, once', async () => {
    const asset = await importOne(xmpWithEntities)
    expect(asset.metadata).toMatchObject({
      caption: ENTITY_CAPTION,
      credit: 'AT&T',
      photographer: 'Jörg <jm> Müller',
      headline: 'Already escaped: &amp; stays as typed'
    })
  })

  it.skipIf(!exiftoolHere)('decodes decimal and hexadecimal references in XMP', async () => {
    const asset = await importOne(function numericReferences(file) {
      return xmpPacket(
        file,
        rawXmp({
          caption: 'K&#246;ln &#x2013; Dom&#8217;s T&#xFC;rme &#x1F4F7; &amp;#38; &#38;amp;',
          credit: 'Gr&#252;ner &amp; Partner',
          city: 'M&#xfc;nchen'
        })
      )
    })
    expect(asset.metadata).toMatchObject({
      caption: 'Köln – Dom’s Türme 📷 &#38; &amp;',
      credit: 'Grüner & Partner',
      city: 'München'
    })
  })

  it('imports a photo with damaged EXIF/IPTC blocks, skipping them with a warning', async () => {
    const [result] = await store.import([
      { name: 'kaputte-metadaten.jpg', bytes: await corruptMetadataJpeg() }
    ])
    expect(result).toMatchObject({ file: 'kaputte-metadaten.jpg', assetId: expect.any(String) })
    expect('warnings' in result && result.warnings?.[0]).toMatch(/metadata .* damaged .* skipped/)
    const asset = await store.get((result as { assetId: string }).assetId)
    expect(asset.warnings.length).toBe(1)
    expect(asset.metadata.caption).toBeNull()
  })
})
