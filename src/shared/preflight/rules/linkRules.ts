import type { PmNode } from '../../article'
import { isAllowedLinkHref } from '../../editor/linkHref'
import { presentText } from './imageSlots'
import type { ArticleRule } from './types'

function linksOf(doc: PmNode): { href: string; nodeId: string }[] {
  const out: { href: string; nodeId: string }[] = []
  const walk = (node: PmNode, path: string, block: string): void => {
    const blockId = node.type === 'text' ? block : (presentText(node.attrs?.nodeId) ?? path)
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link') out.push({ href: String(mark.attrs?.href ?? ''), nodeId: block })
    }
    node.content?.forEach((child, i) => walk(child, `${path}/${i}`, blockId))
  }
  walk(doc, 'body', 'body')
  return out
}

/** Links in the body whose target a reader's browser would refuse or that lead nowhere. */
export const LINK_RULES: readonly ArticleRule[] = [
  {
    scope: 'article',
    code: 'link-invalid',
    severity: 'warning',
    check: (article) =>
      linksOf(article.body)
        .filter((link) => !isAllowedLinkHref(link.href))
        .map((link) => ({
          where: { nodeId: link.nodeId },
          params: { href: link.href.slice(0, 200) }
        }))
  }
]
