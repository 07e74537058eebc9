import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export type HeldChoice = 'update' | 'new'

interface HeldPackageDialogProps {
  /** The package's file name, shown so the user knows which import asks. */
  name: string
  onChoose(choice: HeldChoice): void
  onCancel(): void
}

/**
 * Asked when a package holds a story the library already has: take it over as the story's update
 * (its text and published versions replace the story's) or keep both as separate stories.
 */
export function HeldPackageDialog({
  name,
  onChoose,
  onCancel
}: HeldPackageDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog held-package-dialog"
      aria-labelledby="held-package-title"
      aria-describedby="held-package-text"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id="held-package-title">{t('exportPackage.held.title')}</h2>
      <p id="held-package-text">{t('exportPackage.held.text', { name })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('exportPackage.held.cancel')}
        </button>
        <button type="button" onClick={() => onChoose('new')}>
          {t('exportPackage.held.asNew')}
        </button>
        <button type="button" className="primary" onClick={() => onChoose('update')} autoFocus>
          {t('exportPackage.held.asUpdate')}
        </button>
      </div>
    </dialog>
  )
}
