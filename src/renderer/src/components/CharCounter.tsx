import { useTranslation } from 'react-i18next'

/** `12 / 64`; over the limit it turns into a warning that says by how much (never a hard stop). */
export function CharCounter({
  id,
  count,
  limit
}: {
  id: string
  count: number
  limit: number
}): React.JSX.Element {
  const { t } = useTranslation()
  const over = count - limit
  return (
    <span id={id} className={over > 0 ? 'counter counter-over' : 'counter'} aria-live="polite">
      {over > 0 ? t('editor.overLimit', { over, limit }) : t('editor.counter', { count, limit })}
    </span>
  )
}
