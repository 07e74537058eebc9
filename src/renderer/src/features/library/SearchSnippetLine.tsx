import { useTranslation } from 'react-i18next'
import type { SearchSnippet } from '../../../../shared/searchSnippet'
import './searchSnippet.css'

const FIELDS = ['headline', 'kicker', 'teaser', 'bylines', 'captions', 'body'] as const
type SnippetField = (typeof FIELDS)[number]

function isField(field: string): field is SnippetField {
  return (FIELDS as readonly string[]).includes(field)
}

/** The text split into plain and marked runs. */
function runsOf(snippet: SearchSnippet): { text: string; isMark: boolean }[] {
  const runs: { text: string; isMark: boolean }[] = []
  let at = 0
  for (const [start, end] of snippet.marks) {
    if (start < at || end > snippet.text.length) continue
    if (start > at) runs.push({ text: snippet.text.slice(at, start), isMark: false })
    runs.push({ text: snippet.text.slice(start, end), isMark: true })
    at = end
  }
  if (at < snippet.text.length) runs.push({ text: snippet.text.slice(at), isMark: false })
  return runs
}

/** Under a search result: where the query matched ("In a photo caption: …"), words marked. */
export function SearchSnippetLine({ snippet }: { snippet: SearchSnippet }): React.JSX.Element {
  const { t } = useTranslation()
  const where = isField(snippet.field) ? t(`library.matchIn.${snippet.field}`) : snippet.field
  return (
    <span className="search-snippet">
      <span className="search-snippet-field">{where}</span>{' '}
      {runsOf(snippet).map((run, i) =>
        run.isMark ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>
      )}
    </span>
  )
}
