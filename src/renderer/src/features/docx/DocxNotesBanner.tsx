import './docx.css'
import { useTranslation } from 'react-i18next'
import type { DocxNote } from '../../../../shared/contract/docx'
import { dismissDocxNotes, useDocxNotes } from './docxNotes'

function noteText(note: DocxNote, t: ReturnType<typeof useTranslation>['t']): string {
  switch (note.kind) {
    case 'comments':
      return t('docxImport.comments', { count: note.count })
    case 'tracked-changes':
      return t('docxImport.trackedChanges', {
        insertions: note.insertions,
        deletions: note.deletions
      })
    case 'image-refused':
      return t('docxImport.imageRefused', { image: note.image, message: note.message })
  }
}

/**
 * Says over the article what its Word import did not take over as it was (comments, tracked
 * changes, refused images), so nothing is dropped silently; stays until dismissed.
 */
export function DocxNotesBanner({ articleId }: { articleId: string }): React.JSX.Element | null {
  const { t } = useTranslation()
  const imported = useDocxNotes(articleId)
  if (!imported) return null
  const title = t('docxImport.notesTitle', { name: imported.name })
  if (imported.problem) {
    return (
      <div className="notice notice-warn docx-notes" role="alert">
        <span>{imported.problem}</span>
        <button type="button" className="ghost small" onClick={() => dismissDocxNotes(articleId)}>
          {t('docxImport.dismiss')}
        </button>
      </div>
    )
  }
  return (
    <section className="notice notice-warn docx-notes" role="status" aria-label={title}>
      <div>
        <strong>{title}</strong> {t('docxImport.notesIntro')}
        <ul>
          {imported.notes.map((note, i) => (
            <li key={i}>{noteText(note, t)}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="ghost small" onClick={() => dismissDocxNotes(articleId)}>
        {t('docxImport.dismiss')}
      </button>
    </section>
  )
}
