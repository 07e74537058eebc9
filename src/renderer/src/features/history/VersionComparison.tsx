import { useTranslation } from 'react-i18next'
import type { ImageUse } from '../../../../shared/article'
import { formatDateInput, formatTimeInput, inputLanguageOf } from '../../../../shared/dateInput'
import type { ArticleDiff, FieldChange, WordChange } from '../../../../shared/library'
import { currentTimeZoneName } from '../../../../shared/timeZoneNames'
import { newsroom } from '../../lib/newsroom'

// The order a reader meets the fields in; anything else after them.
const FIELD_ORDER = [
  'kicker',
  'headline',
  'teaser',
  'bylines',
  'dateline',
  'lead',
  'galleries',
  'publishedAt',
  'embargoedUntil',
  'slugline',
  'tags',
  'status',
  'language',
  'timeZone',
  'edNote',
  'notes'
]
const orderOf = (field: string): number => {
  const i = FIELD_ORDER.indexOf(field)
  return i === -1 ? FIELD_ORDER.length : i
}

/** Inserted and deleted words: colour, and underline / strike-through for who cannot see it. */
function Words({ words }: { words: WordChange[] }): React.JSX.Element {
  return (
    <>
      {words.map((w, i) =>
        w.op === 'insert' ? (
          <ins key={i}>{w.text}</ins>
        ) : w.op === 'delete' ? (
          <del key={i}>{w.text}</del>
        ) : (
          <span key={i}>{w.text}</span>
        )
      )}
    </>
  )
}

function Thumb({
  assetId,
  op
}: {
  assetId: string
  op: 'insert' | 'delete' | 'equal'
}): React.JSX.Element {
  const { t } = useTranslation()
  const label =
    op === 'insert' ? t('history.imageAdded') : op === 'delete' ? t('history.imageRemoved') : ''
  return (
    <figure className={`diff-image diff-image-${op}`}>
      <img src={newsroom.assetUrl(assetId, 'thumb')} alt={label || t('history.image')} />
      {label && (
        <figcaption>
          {op === 'insert' ? '+ ' : '− '}
          {label}
        </figcaption>
      )}
    </figure>
  )
}

/** Items of two lists in one row: kept ones plain, removed struck out, added underlined. */
function ListChange({ before, after }: { before: string[]; after: string[] }): React.JSX.Element {
  const removed = before.filter((x) => !after.includes(x))
  return (
    <span className="diff-list">
      {after.map((x) =>
        before.includes(x) ? <span key={`=${x}`}>{x}</span> : <ins key={`+${x}`}>{x}</ins>
      )}
      {removed.map((x) => (
        <del key={`-${x}`}>{x}</del>
      ))}
    </span>
  )
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []

const imageIdsOf = (value: unknown): string[] => {
  if (!Array.isArray(value)) return []
  return value.flatMap((g: { items?: ImageUse[] }) => (g.items ?? []).map((use) => use.assetId))
}

function FieldValue({ change }: { change: FieldChange }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const language = inputLanguageOf(i18n.language)
  const { field, before, after } = change
  const empty = <span className="muted">{t('history.emptyValue')}</span>

  if (change.words) {
    return change.words.length === 0 ? empty : <Words words={change.words} />
  }
  if (field === 'bylines' || field === 'tags') {
    return <ListChange before={asStrings(before)} after={asStrings(after)} />
  }
  if (field === 'lead') {
    const b = (before as ImageUse | null)?.assetId ?? null
    const a = (after as ImageUse | null)?.assetId ?? null
    return (
      <span className="diff-thumbs">
        {b && b !== a && <Thumb assetId={b} op="delete" />}
        {a && <Thumb assetId={a} op={a === b ? 'equal' : 'insert'} />}
      </span>
    )
  }
  if (field === 'galleries') {
    const b = imageIdsOf(before)
    const a = imageIdsOf(after)
    return (
      <span className="diff-thumbs">
        {a.map((id, i) => (
          <Thumb key={`a${i}`} assetId={id} op={b.includes(id) ? 'equal' : 'insert'} />
        ))}
        {b
          .filter((id) => !a.includes(id))
          .map((id, i) => (
            <Thumb key={`b${i}`} assetId={id} op="delete" />
          ))}
      </span>
    )
  }
  const text = (value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null
    if (field === 'publishedAt' || field === 'embargoedUntil') {
      // Shown as the article's clock showed it: the stored time carries the zone's offset.
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(value))
      return m
        ? `${formatDateInput(m[1] as string, language)} ${formatTimeInput(m[2] as string, language)}`
        : String(value)
    }
    if (field === 'status') return t(`status.${String(value)}`)
    if (field === 'language') return t(`languages.${String(value)}`)
    if (field === 'timeZone') return currentTimeZoneName(String(value))
    if (field === 'dateline') {
      const d = value as { place: string | null; source: string | null }
      const parts = [d.place, d.source ? `(${d.source})` : null].filter(Boolean)
      return parts.length ? parts.join(' ') : null
    }
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  const b = text(before)
  const a = text(after)
  return (
    <>
      {b && <del>{b}</del>}
      {b && a && ' '}
      {a ? <ins>{a}</ins> : !b && empty}
    </>
  )
}

/**
 * A kept version against the current text, as a reader would see the article: the fields by
 * their names, the body paragraph by paragraph, images as thumbnails; what the current text has
 * and the version did not is inserted, the rest deleted.
 */
export function VersionComparison({ diff }: { diff: ArticleDiff }): React.JSX.Element {
  const { t } = useTranslation()
  const fields = [...diff.fields].sort((a, b) => orderOf(a.field) - orderOf(b.field))
  const isSame = diff.fields.length === 0 && diff.body.every((p) => p.op === 'equal')
  return (
    <div className="comparison">
      <p className="diff-legend">
        <ins>{t('history.legendInserted')}</ins> <del>{t('history.legendDeleted')}</del>
        <span className="muted">
          {' · '}
          {isSame
            ? t('history.noChanges')
            : t('history.wordsChanged', { added: diff.wordsAdded, removed: diff.wordsRemoved })}
        </span>
      </p>
      {fields.length > 0 && (
        <section aria-label={t('history.fieldsTitle')}>
          <h3>{t('history.fieldsTitle')}</h3>
          <dl className="field-changes">
            {fields.map((f) => (
              <div key={f.field} className="field-change">
                <dt>{t(`history.fields.${f.field}`, { defaultValue: f.field })}</dt>
                <dd>
                  <FieldValue change={f} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-label={t('history.bodyTitle')}>
        <h3>{t('history.bodyTitle')}</h3>
        <div className="diff-body">
          {diff.body.length === 0 && <p className="muted">{t('history.emptyValue')}</p>}
          {diff.body.map((p, i) => {
            const op = p.op === 'change' ? 'change' : p.op
            if (p.assetId) {
              return (
                <div key={i} className={`diff-block diff-${op}`}>
                  <Thumb assetId={p.assetId} op={p.op === 'change' ? 'equal' : p.op} />
                </div>
              )
            }
            return (
              <p key={i} className={`diff-block diff-${op}`}>
                {p.words ? (
                  <Words words={p.words} />
                ) : p.op === 'insert' ? (
                  <ins>{p.after}</ins>
                ) : p.op === 'delete' ? (
                  <del>{p.before}</del>
                ) : (
                  p.after
                )}
              </p>
            )
          })}
        </div>
      </section>
    </div>
  )
}
