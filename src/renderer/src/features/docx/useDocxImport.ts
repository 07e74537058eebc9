import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, newsroom } from '../../lib/newsroom'
import { convertDocxBytes } from './docxFiles'
import { docxImportError } from './docxImportError'
import { rememberDocxNotes } from './docxNotes'

export interface DocxImport {
  /** The name of the document being imported, or null. */
  importing: string | null
  /** Why the last import failed, in the interface language. */
  error: string | null
  /** Makes a new draft from a Word document and opens it; its notes wait in the editor. */
  importAsDraft(name: string, bytes: () => Promise<Uint8Array>): Promise<void>
  clearError(): void
}

/** A Word document as a new draft: the library's button and drop, and File → Import. */
export function useDocxImport(onOpen: (articleId: string) => void): DocxImport {
  const { t, i18n } = useTranslation()
  const [importing, setImporting] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const importAsDraft = useCallback(
    async (name: string, bytes: () => Promise<Uint8Array>): Promise<void> => {
      setImporting(name)
      setError(null)
      try {
        const parts = await convertDocxBytes(name, await bytes())
        const article = await call(
          newsroom.createArticle({
            ...(parts.headline ? { headline: parts.headline } : {}),
            body: parts.body
          })
        )
        rememberDocxNotes(article.id, name, parts.notes)
        onOpen(article.id)
      } catch (e) {
        setError(docxImportError(e, name, t, i18n.language))
      } finally {
        setImporting(null)
      }
    },
    [onOpen, t, i18n.language]
  )

  return { importing, error, importAsDraft, clearError: useCallback(() => setError(null), []) }
}
