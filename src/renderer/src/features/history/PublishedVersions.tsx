import { useTranslation } from 'react-i18next'
import type { Publication } from '../../../../shared/publication'
import { formatUpdated } from '../library/formatUpdated'

/**
 * The versions receivers got, newest first, beside the saved versions: number, kind (first,
 * update, correction, withdrawal, sent again), when and by whom. Nothing while the story was
 * never exported.
 */
export function PublishedVersions({
  publication
}: {
  publication: Publication | null | undefined
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  if (!publication || publication.versions.length === 0) return null
  const versions = [...publication.versions].reverse()
  return (
    <section className="published-versions" aria-labelledby="published-versions-title">
      <h3 id="published-versions-title">{t('history.published')}</h3>
      <ol>
        {versions.map((v, i) => (
          <li key={`${v.version}-${v.exportedAt}-${i}`} className={`published-${v.kind}`}>
            {t('history.publishedVersion', {
              version: v.version,
              kind: t(`publication.kind.${v.kind}`),
              when: formatUpdated(v.exportedAt, i18n.language)
            })}
            {v.by ? ` · ${t('history.publishedBy', { name: v.by })}` : ''}
          </li>
        ))}
      </ol>
    </section>
  )
}
