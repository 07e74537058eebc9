import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useState } from 'react'
import type { Article, PmNode } from '../../../../shared/article'
import { figuresOf } from '../../../../shared/editor/bodyNodes'
import { type ArticleAssetInfo, renderArticleHtml } from '../../../../shared/editor/renderArticle'
import type { Settings } from '../../../../shared/settings'
import { newsroom } from '../../lib/newsroom'
import { assetInfo, useAssetStoreVersion } from '../assets/assetInfo'

/** How long typing must pause before the preview follows the body. */
const BODY_DELAY_MS = 250

function assetIdsOf(article: Pick<Article, 'lead' | 'galleries'>, body: PmNode): string[] {
  const ids = new Set<string>()
  if (article.lead) ids.add(article.lead.assetId)
  for (const gallery of article.galleries) for (const item of gallery.items) ids.add(item.assetId)
  for (const figure of figuresOf(body)) ids.add(figure.assetId)
  return [...ids]
}

function infoOf(id: string): ArticleAssetInfo | undefined {
  const asset = assetInfo.peek(id)
  if (!asset) return undefined
  return {
    ...asset.metadata,
    width: asset.renditions.preview.width,
    height: asset.renditions.preview.height
  }
}

interface ArticlePreviewProps {
  editor: Editor
  /** The article with the form's current values (the body is read from the editor). */
  article: Article
  settings: Settings
}

/**
 * The article as readers will see it, in its language and house style, from the same renderer
 * the HTML export uses: it escapes every text and builds image URLs only through the bridge, so
 * its output is the only HTML set here. Follows the body a moment after typing pauses and the
 * fields and images at once; mounted only while the preview is shown.
 */
export function ArticlePreview({
  editor,
  article,
  settings
}: ArticlePreviewProps): React.JSX.Element {
  const [body, setBody] = useState<PmNode>(() => editor.getJSON() as PmNode)
  const version = useAssetStoreVersion()

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const handleUpdate = (): void => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => setBody(editor.getJSON() as PmNode), BODY_DELAY_MS)
    }
    editor.on('update', handleUpdate)
    return () => {
      editor.off('update', handleUpdate)
      if (timer) clearTimeout(timer)
    }
  }, [editor])

  const html = useMemo(() => {
    // Asks the store for every asset used (a fetch the first time); their answers bump `version`.
    for (const id of assetIdsOf(article, body)) assetInfo.get(id)
    const family = article.language.startsWith('de') ? 'de' : 'en'
    return renderArticleHtml(
      { ...article, body },
      {
        imageSrc: (id, rendition) => newsroom.assetUrl(id, rendition),
        asset: infoOf,
        creditTemplate: settings.creditTemplates[family]
      }
    )
    // `version` is a dependency on purpose: the asset store changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article, body, settings.creditTemplates, version])

  // The renderer's output only: every text in it is escaped, every URL comes from the bridge.
  return (
    // A gallery's thumbnails are in-page links (`#gallery-1-3`) so the exported page needs no
    // script; here the address belongs to the app's routes, so the click scrolls instead.
    <div className="preview" onClick={scrollToSlide} dangerouslySetInnerHTML={{ __html: html }} />
  )
}

function scrollToSlide(event: React.MouseEvent<HTMLDivElement>): void {
  const link = (event.target as Element).closest('a[href^="#"]')
  if (!link) return
  event.preventDefault()
  const id = link.getAttribute('href')!.slice(1)
  const slide = event.currentTarget.querySelector(`[id="${CSS.escape(id)}"]`)
  slide?.scrollIntoView({ block: 'nearest', inline: 'start', behavior: 'smooth' })
}
