import type { Editor } from '@tiptap/core'
import i18next from '../../i18n'
import { convertDocxFile } from './docxFiles'
import { docxImportError } from './docxImportError'
import { rememberDocxNotes, rememberDocxProblem } from './docxNotes'

export interface FillFromDocxOptions {
  articleId: string
  /** Sets the headline if the article has none yet. */
  fillHeadline(headline: string): void
}

/**
 * A Word document dropped on an empty article fills it: body (images already in the photo desk),
 * and the headline when the article has none. On an article with text it changes nothing and says
 * so; what the document held that the body does not is shown over the article.
 */
/**
 * Nothing written yet: only empty paragraphs (`editor.isEmpty` compares with a fresh document,
 * which the body's node ids already make different).
 */
function isBodyEmpty(editor: Editor): boolean {
  let isEmpty = true
  editor.state.doc.forEach((block) => {
    if (block.type.name !== 'paragraph' || block.content.size > 0) isEmpty = false
  })
  return isEmpty
}

export async function fillFromDocx(
  editor: Editor,
  file: File,
  options: FillFromDocxOptions
): Promise<void> {
  const refuseNotEmpty = (): void =>
    rememberDocxProblem(options.articleId, file.name, i18next.t('docxImport.notEmpty'))
  if (!isBodyEmpty(editor)) {
    refuseNotEmpty()
    return
  }
  try {
    const parts = await convertDocxFile(file)
    if (editor.isDestroyed) return
    // The reporter may have started typing while the document was read.
    if (!isBodyEmpty(editor)) {
      refuseNotEmpty()
      return
    }
    editor.commands.setContent(parts.body, { emitUpdate: true })
    if (parts.headline) options.fillHeadline(parts.headline)
    rememberDocxNotes(options.articleId, file.name, parts.notes)
  } catch (error) {
    rememberDocxProblem(
      options.articleId,
      file.name,
      docxImportError(error, file.name, i18next.t, i18next.language)
    )
  }
}
