import sharp from 'sharp'
import { rawZip, type RawEntry } from '../../packages/__fixtures__/rawZip'

/*
 * A small .docx writer for tests: hand-made OOXML (the parts Word itself writes for such a
 * story) zipped with the raw ZIP writer the package tests use. No binary is committed; the PNG
 * is drawn with sharp.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

function xmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`
}

function para(body: string, style?: string, numbering?: { numId: number; ilvl: number }): string {
  const pPr: string[] = []
  if (style) pPr.push(`<w:pStyle w:val="${style}"/>`)
  if (numbering) {
    pPr.push(
      `<w:numPr><w:ilvl w:val="${numbering.ilvl}"/><w:numId w:val="${numbering.numId}"/></w:numPr>`
    )
  }
  return `<w:p>${pPr.length ? `<w:pPr>${pPr.join('')}</w:pPr>` : ''}${body}</w:p>`
}

/** One block of the test story. */
export type DocxBlock =
  | { kind: 'title' | 'h1' | 'h2' | 'h3' | 'quote'; text: string }
  | { kind: 'p'; runs: DocxRun[] }
  | { kind: 'bullet' | 'number'; text: string; level?: number }
  | { kind: 'image'; alt: string }

export type DocxRun =
  | { text: string; bold?: boolean; italic?: boolean }
  | { link: string; text: string }
  | { inserted: string }
  | { deleted: string }
  | { comment: string; on: string }

export interface DocxSpec {
  /** The title in docProps/core.xml; none when null or left out. */
  title?: string | null
  blocks: DocxBlock[]
  /** The image every `image` block shows (default: a 40×30 PNG drawn with sharp). */
  image?: Buffer
}

const STYLE_OF: Record<string, string> = {
  title: 'Title',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  quote: 'Quote'
}

function style(id: string, name: string): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${style('Normal', 'Normal')}${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('Heading3', 'heading 3')}${style('Quote', 'Quote')}${style('ListParagraph', 'List Paragraph')}</w:styles>`

function levels(format: 'bullet' | 'decimal'): string {
  return [0, 1, 2]
    .map(
      (l) =>
        `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${format === 'bullet' ? '•' : `%${l + 1}.`}"/></w:lvl>`
    )
    .join('')
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${levels('bullet')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${levels('decimal')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

function drawing(alt: string, n: number): string {
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="3810000" cy="2857500"/><wp:docPr id="${n}" name="Grafik ${n}" descr="${xmlText(alt)}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${n}" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3810000" cy="2857500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

/** The PNG an image block shows unless the spec gives one. */
export async function testPng(): Promise<Buffer> {
  return sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } }
  })
    .png()
    .toBuffer()
}

/** The parts of a .docx, path -> bytes (for tests that tamper with one before zipping). */
export async function docxParts(spec: DocxSpec): Promise<Map<string, Buffer>> {
  const comments: string[] = []
  const links: string[] = []
  let changeId = 100
  let images = 0
  const runs = (list: DocxRun[]): string =>
    list
      .map((r) => {
        if ('link' in r) {
          links.push(r.link)
          return `<w:hyperlink r:id="rIdLink${links.length}">${run(r.text, '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`
        }
        if ('inserted' in r) {
          return `<w:ins w:id="${changeId++}" w:author="Anna" w:date="2024-05-02T10:00:00Z">${run(r.inserted)}</w:ins>`
        }
        if ('deleted' in r) {
          return `<w:del w:id="${changeId++}" w:author="Anna" w:date="2024-05-02T10:00:00Z"><w:r><w:delText xml:space="preserve">${xmlText(r.deleted)}</w:delText></w:r></w:del>`
        }
        if ('comment' in r) {
          const id = comments.length
          comments.push(
            `<w:comment w:id="${id}" w:author="Chef vom Dienst" w:date="2024-05-02T10:00:00Z"><w:p>${run(r.comment)}</w:p></w:comment>`
          )
          return `<w:commentRangeStart w:id="${id}"/>${run(r.on)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
        }
        const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`
        return run(r.text, props)
      })
      .join('')
  const body = spec.blocks
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return para(runs(b.runs))
        case 'bullet':
          return para(run(b.text), 'ListParagraph', { numId: 1, ilvl: b.level ?? 0 })
        case 'number':
          return para(run(b.text), 'ListParagraph', { numId: 2, ilvl: b.level ?? 0 })
        case 'image':
          return para(drawing(b.alt, ++images))
        default:
          return para(run(b.text), STYLE_OF[b.kind])
      }
    })
    .join('')
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>${body}<w:sectPr/></w:body></w:document>`

  const rels = [
    `<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>`,
    ...links.map(
      (href, i) =>
        `<Relationship Id="rIdLink${i + 1}" Type="${R}/hyperlink" Target="${xmlText(href)}" TargetMode="External"/>`
    )
  ]
  if (images) rels.push(`<Relationship Id="rIdImage" Type="${R}/image" Target="media/image1.png"/>`)
  if (comments.length) {
    rels.push(`<Relationship Id="rIdComments" Type="${R}/comments" Target="comments.xml"/>`)
  }
  const parts = new Map<string, Buffer>()
  const put = (path: string, text: string): void => void parts.set(path, Buffer.from(text, 'utf8'))
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
  )
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
  )
  put('word/document.xml', document)
  put(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  )
  put('word/styles.xml', STYLES)
  put('word/numbering.xml', NUMBERING)
  if (comments.length) {
    put(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`
    )
  }
  put(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${spec.title ? `<dc:title>${xmlText(spec.title)}</dc:title>` : ''}<dc:creator>Anna Reporterin</dc:creator></cp:coreProperties>`
  )
  if (images) parts.set('word/media/image1.png', spec.image ?? (await testPng()))
  return parts
}

/** Zips parts as Word does (deflated). */
export function zipParts(parts: Map<string, Buffer>): Buffer {
  const entries: RawEntry[] = [...parts].map(([name, data]) => ({ name, data, deflate: true }))
  return rawZip(entries)
}

/** A whole .docx from the spec. */
export async function buildDocx(spec: DocxSpec): Promise<Buffer> {
  return zipParts(await docxParts(spec))
}

/**
 * The reporter's story the tests import: a title in the properties and as the Title paragraph,
 * subheads, bold, italic, a link, a quote, bullets (nested) and a numbered list, a photo with alt
 * text, a comment, and a tracked insertion and deletion.
 */
export const STORY: DocxSpec = {
  title: 'Gipfel in Wladiwostok endet ohne Einigung',
  blocks: [
    { kind: 'title', text: 'Gipfel in Wladiwostok endet ohne Einigung' },
    {
      kind: 'p',
      runs: [
        { text: 'Wladiwostok.', bold: true },
        { text: ' Die Gespräche dauerten ' },
        { text: 'bis spät', italic: true },
        { text: ' in die Nacht, ' },
        { deleted: 'sagte ein Sprecher' },
        { inserted: 'teilte das Außenministerium mit' },
        { text: '. Mehr unter ' },
        { link: 'https://example.com/gipfel', text: 'der Sonderseite' },
        { text: '.' }
      ]
    },
    { kind: 'h2', text: 'Die Streitpunkte' },
    { kind: 'bullet', text: 'Zölle auf Stahl' },
    { kind: 'bullet', text: 'Fischereirechte', level: 1 },
    { kind: 'bullet', text: 'Visafragen' },
    { kind: 'h3', text: 'Der Zeitplan' },
    { kind: 'number', text: 'Treffen der Fachminister' },
    { kind: 'number', text: 'Neuer Gipfel im Herbst' },
    { kind: 'quote', text: 'Wir sind weiter als je zuvor.' },
    { kind: 'image', alt: 'Die Delegationen am Verhandlungstisch' },
    {
      kind: 'p',
      runs: [{ comment: 'Quelle prüfen!', on: 'Beobachter' }, { text: ' zeigten sich enttäuscht.' }]
    }
  ]
}
