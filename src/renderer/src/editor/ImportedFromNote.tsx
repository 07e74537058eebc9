import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportedFrom } from '../../../shared/article'
import type { SaveStateSource } from './useAutosave'
import './importedFrom.css'

/**
 * "Imported from the package … on …" above a draft a package import made, until the draft is
 * edited: gone once the library holds a later revision, or as soon as anything is typed here.
 */
export function ImportedFromNote({
  importedFrom,
  revision,
  status
}: {
  importedFrom: ImportedFrom | undefined
  revision: number
  status: SaveStateSource
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation()
  const state = useSyncExternalStore(status.subscribe, status.get)
  const [isEdited, setEdited] = useState(false)
  // Latched: a draft that was changed stays "edited" even after its save state settles.
  if (state.kind !== 'idle' && !isEdited) setEdited(true)
  if (!importedFrom || importedFrom.revision !== revision || isEdited) return null
  const date = new Intl.DateTimeFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short'
  }).format(new Date(importedFrom.importedAt))
  return (
    <p className="imported-from" role="note">
      {t('editor.importedFrom', { file: importedFrom.file, date })}
    </p>
  )
}
