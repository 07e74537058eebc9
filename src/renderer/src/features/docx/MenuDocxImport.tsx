import './docx.css'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { importDocxSchema } from '../../../../shared/events'
import { newsroom } from '../../lib/newsroom'
import { useDocxImport } from './useDocxImport'

/**
 * File → Import Word document…: main sends the chosen file; it becomes a new draft, which opens.
 * While it imports and when it fails, this says so wherever the user is.
 */
export function MenuDocxImport({
  onOpen
}: {
  onOpen(articleId: string): void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const { importing, error, importAsDraft, clearError } = useDocxImport(onOpen)

  useEffect(
    () =>
      newsroom.onImportDocx((payload) => {
        const request = importDocxSchema.safeParse(payload)
        if (request.success) {
          void importAsDraft(request.data.name, async () => request.data.bytes)
        }
      }),
    [importAsDraft]
  )

  if (!importing && !error) return null
  return (
    <div className="notice menu-docx-import" role={error ? 'alert' : 'status'}>
      <span>{error ?? t('docxImport.importing', { name: importing })}</span>
      {error && (
        <button type="button" className="ghost small" onClick={clearError}>
          {t('docxImport.dismiss')}
        </button>
      )}
    </div>
  )
}
