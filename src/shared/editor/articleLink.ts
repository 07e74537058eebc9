import { Link } from '@tiptap/extension-link'
import { isAllowedLinkHref, normalizeLinkHref } from './linkHref'

/**
 * The link mark of an article body: only `href` (no `target`, `rel`, `class` or `title`: the
 * renderer and the export decide how links open), and only targets `isAllowedLinkHref` accepts
 * (http, https, mailto), whether they are set by command, typed, pasted or parsed from HTML
 * (`setLink` refuses anything else: pass what the user typed through `normalizeLinkHref`).
 * Clicking a link in the editor does not open it (the popover does, through the shell's policy).
 */
export const ArticleLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => normalizeLinkHref(element.getAttribute('href') ?? '')
      }
    }
  }
}).configure({
  protocols: [],
  defaultProtocol: 'https',
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  // configure() merges into Link's defaults (target=_blank, rel=…): null removes them.
  HTMLAttributes: { target: null, rel: null, class: null },
  // Stored links always pass the check as they are: callers trim with normalizeLinkHref first.
  isAllowedUri: (url) => typeof url === 'string' && isAllowedLinkHref(url),
  shouldAutoLink: (url) => isAllowedLinkHref(url)
})
