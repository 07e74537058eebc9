import mammoth from 'mammoth'
import type { PmNode } from '../../../shared/article'
import type { DocxConversion, DocxNote } from '../../../shared/contract/docx'
import { escapeHtml } from '../../../shared/editor/escapeHtml'
import { ensureNodeIds } from '../../../shared/editor/nodeIds'
import { sanitizeHtmlToDoc } from '../../../shared/editor/sanitizeHtml'
import type { AssetStore } from '../assets/assetStore'
import { docxRefusal, inspectDocx } from './docxContainer'

/** What a conversion needs from the core: the photo desk's import (its checks and refusals). */
export interface DocxDeps {
  assets: Pick<AssetStore, 'import'>
}

export interface ConvertDocxOptions {
  /**
   * Take the headline from the document (its title, else a first heading, which then leaves the
   * body). Off when the user gives the headline: the document's heading stays in the body.
   */
  headlineFromDocument?: boolean
}

// Word's Title and Subtitle styles have no HTML default in mammoth; block quotes come from the
// Quote styles reporters use for long citations.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Zitat'] => blockquote > p:fresh",
  "p[style-name='Intensives Zitat'] => blockquote > p:fresh",
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Untertitel'] => h2:fresh"
]

const IMAGE_SRC = 'copydesk-docx-image:'

interface TakenImage {
  assetId: string | null
  alt: string | null
}

function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return ' '
  return (node.content ?? []).map(plainText).join('')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The headline and the body without it: the title from the properties (a first heading that
 * repeats it leaves the body), else a heading that opens the document.
 */
function splitHeadline(
  body: PmNode,
  title: string | null
): { headline: string | null; body: PmNode } {
  const blocks = body.content ?? []
  const first = blocks[0]
  const firstHeading = first?.type === 'heading' ? oneLine(plainText(first)) : null
  const headline = title ?? firstHeading
  if (!headline) return { headline: null, body }
  if (firstHeading !== null && firstHeading.toLowerCase() === headline.toLowerCase()) {
    const rest = blocks.slice(1)
    return { headline, body: { ...body, content: rest.length ? rest : [{ type: 'paragraph' }] } }
  }
  return { headline, body }
}

function imageName(docName: string, index: number, contentType: string): string {
  const ext = /^image\/([a-z0-9.+-]+)$/i.exec(contentType)?.[1]?.replace('jpeg', 'jpg') ?? 'bin'
  return `${docName.replace(/\.docx$/i, '')} – image ${index + 1}.${ext}`
}

/**
 * Converts a Word document (.docx bytes) into article parts. The container is checked first
 * (`inspectDocx`: password, old .doc, ZIP safety); mammoth then reads the accepted text
 * (insertions kept, deletions dropped, comments left out), the shared sanitiser keeps what the
 * editor knows, and each image goes through the photo desk's import with its alt text and
 * becomes a figure. What was not taken over as it was is listed in `notes`.
 */
export async function convertDocx(
  name: string,
  bytes: Uint8Array,
  deps: DocxDeps,
  options: ConvertDocxOptions = {}
): Promise<DocxConversion> {
  const facts = await inspectDocx(name, bytes)
  const images: TakenImage[] = []
  const notes: DocxNote[] = []
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // A document that links to files on the reporter's disk must not make us read them.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const index = images.length
          const taken: TakenImage = { assetId: null, alt: null }
          images.push(taken)
          const alt = (image as { altText?: unknown }).altText
          taken.alt = typeof alt === 'string' && alt.trim() ? oneLine(alt) : null
          const file = imageName(name, index, image.contentType)
          const [imported] = await deps.assets.import([{ name: file, bytes: await image.read() }])
          if (imported && 'assetId' in imported) taken.assetId = imported.assetId
          else notes.push({ kind: 'image-refused', image: file, message: imported?.error ?? '' })
          return { src: `${IMAGE_SRC}${index}` }
        })
      }
    )
    html = result.value
  } catch (error) {
    throw docxRefusal(name, 'corrupt', `is damaged: ${(error as Error).message}`)
  }
  // Images become the editor's own figures (asset id and alt), which the sanitiser keeps.
  const withFigures = html.replace(/<img\b[^>]*>/g, (tag) => {
    const index = new RegExp(`src="${IMAGE_SRC}(\\d+)"`).exec(tag)?.[1]
    const image = index === undefined ? undefined : images[Number(index)]
    if (!image?.assetId) return ''
    const alt = image.alt ? ` data-alt="${escapeHtml(image.alt)}"` : ''
    return `<figure data-type="figure" data-asset-id="${image.assetId}"${alt}><figcaption></figcaption></figure>`
  })
  const sanitized = sanitizeHtmlToDoc(withFigures, { keepEditorNodes: true })
  const { headline, body } =
    options.headlineFromDocument === false
      ? { headline: null, body: sanitized }
      : splitHeadline(sanitized, facts.title)
  if (facts.comments > 0) notes.unshift({ kind: 'comments', count: facts.comments })
  if (facts.insertions + facts.deletions > 0) {
    notes.unshift({
      kind: 'tracked-changes',
      insertions: facts.insertions,
      deletions: facts.deletions
    })
  }
  return {
    headline,
    body: ensureNodeIds(body),
    assetIds: images.flatMap((i) => (i.assetId ? [i.assetId] : [])),
    notes
  }
}

/** A note as one line of English, for the command line. */
export function docxNoteText(note: DocxNote): string {
  switch (note.kind) {
    case 'comments':
      return `${note.count} comment${note.count === 1 ? ' was' : 's were'} not imported`
    case 'tracked-changes':
      return `tracked changes were taken as accepted: ${note.insertions} insertion${note.insertions === 1 ? '' : 's'} kept, ${note.deletions} deletion${note.deletions === 1 ? '' : 's'} dropped`
    case 'image-refused':
      return `image "${note.image}" was not imported: ${note.message}`
  }
}
