import { useTranslation } from 'react-i18next'
import {
  ASSET_EDITABLE_FIELDS,
  type AssetEditableField,
  type AssetSummary,
  type AssetUse
} from '../../../../shared/asset'
import { newsroom } from '../../lib/newsroom'
import { importWarningText } from '../../lib/importWarningText'
import { draftPatch } from './assetDraft'
import { articleCount } from './AssetTile'
import { CropPreviews } from './CropPreviews'
import { FocalPhoto } from './FocalPhoto'
import { formatDateCreated, formatFileSize, formatPixels } from './formatAssetFacts'
import { focalPercent, useAssetEditor } from './useAssetEditor'

interface AssetSidePanelProps {
  assetId: string
  /** Changes when something outside the panel may have changed the asset (usage, edits). */
  refreshKey: number
  onClose(): void
  onChanged(asset: AssetSummary): void
  onDeleted(asset: AssetSummary): void
  onOpenArticle(id: string): void
}

const MULTILINE: ReadonlySet<AssetEditableField> = new Set(['caption', 'alt', 'usageTerms'])

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type))
  )
}

/** One line per article: its headline and how it uses the photo (lead, gallery, in the text). */
function groupUses(
  usage: AssetUse[]
): { articleId: string; headline: string | null; uses: AssetUse[] }[] {
  const byArticle = new Map<
    string,
    { articleId: string; headline: string | null; uses: AssetUse[] }
  >()
  for (const use of usage) {
    const entry = byArticle.get(use.articleId) ?? {
      articleId: use.articleId,
      headline: use.headline,
      uses: []
    }
    entry.uses.push(use)
    byArticle.set(use.articleId, entry)
  }
  return [...byArticle.values()]
}

/**
 * The photo desk's side panel: edit an asset's caption, credit and the rest (saved on leaving a
 * field or with Save, against the revision it was loaded at), undo (button, or Ctrl+Z when not
 * typing), see the values the file carried and where the photo is used, delete when unused.
 */
export function AssetSidePanel({
  assetId,
  refreshKey,
  onClose,
  onChanged,
  onDeleted,
  onOpenArticle
}: AssetSidePanelProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const { deleteDialog, ...editor } = useAssetEditor({
    assetId,
    refreshKey,
    onClose,
    onChanged,
    onDeleted
  })
  const { asset, draft, saveState, isConfirmingDelete, setField, setFocal, save, undo, close } =
    editor

  const handleKeyDown = (event: React.KeyboardEvent): void => {
    const mod = event.ctrlKey || event.metaKey
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'z' && !isTyping(event.target)) {
      event.preventDefault()
      void undo()
    } else if (mod && event.key.toLowerCase() === 's') {
      event.preventDefault()
      void save()
    } else if (event.key === 'Escape' && !isConfirmingDelete) {
      event.preventDefault()
      close()
    }
  }

  const head = (
    <header className="panel-head">
      <h2 id="asset-panel-title">{t('assets.panelTitle')}</h2>
      <button
        type="button"
        className="ghost icon-button"
        onClick={close}
        aria-label={t('assets.closePanel')}
      >
        ×
      </button>
    </header>
  )

  if (editor.loadError) {
    return (
      <aside className="asset-panel" aria-labelledby="asset-panel-title">
        {head}
        <p role="alert" className="error">
          {t('assets.loadOneFailed', { message: editor.loadError })}
        </p>
      </aside>
    )
  }
  if (!asset || !draft) {
    return (
      <aside className="asset-panel" aria-labelledby="asset-panel-title" aria-busy="true">
        {head}
      </aside>
    )
  }

  const m = asset.metadata
  const e = asset.embedded
  const isDirty = draftPatch(draft, m) !== null || editor.isFocalPending
  const focal = editor.focal
  const previewUrl = newsroom.assetUrl(asset.id, 'preview')
  const uses = groupUses(asset.usage)
  const usedCount = articleCount(asset)
  const canUndo = isDirty || asset.undoDepth > 0
  const lang = i18n.language

  const roleText = (use: AssetUse): string =>
    use.role === 'lead'
      ? t('assets.roleLead')
      : use.role === 'figure'
        ? t('assets.roleFigure')
        : use.galleryName
          ? t('assets.roleGalleryNamed', { name: use.galleryName })
          : t('assets.roleGallery')

  const statusText =
    saveState.kind === 'saving'
      ? t('assets.saving')
      : saveState.kind === 'failed'
        ? t('assets.saveFailed', { message: saveState.message })
        : isDirty
          ? t('assets.unsaved')
          : saveState.kind === 'saved'
            ? t('assets.saved')
            : ''

  const facts: [string, string][] = [
    [t('assets.originalName'), asset.originalName],
    [t('assets.dimensions'), formatPixels(asset.width, asset.height, lang)],
    [t('assets.format'), asset.format.toUpperCase()],
    [t('assets.fileSize'), formatFileSize(asset.fileSize, lang)]
  ]
  if (e.dateCreated) facts.push([t('assets.dateCreated'), formatDateCreated(e.dateCreated, lang)])
  const place = [e.city, e.country].filter(Boolean).join(', ')
  if (place) facts.push([t('assets.place'), place])
  if (e.headline) facts.push([t('assets.fileHeadline'), e.headline])
  facts.push([
    t('assets.importedAt'),
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(asset.importedAt)
    )
  ])

  return (
    <aside
      className="asset-panel"
      aria-labelledby="asset-panel-title"
      // Focusable, so a click on the panel's background keeps Ctrl+Z here.
      tabIndex={-1}
      onKeyDown={handleKeyDown}
      data-asset-id={asset.id}
    >
      {head}
      <figure className="panel-preview">
        <FocalPhoto
          src={previewUrl}
          alt={m.alt ?? ''}
          width={asset.width}
          height={asset.height}
          focal={focal}
          onFocal={setFocal}
          onLeave={() => void save()}
        />
        <figcaption className="panel-facts">
          <strong className="panel-name">{asset.originalName}</strong>
          <span>
            {formatPixels(asset.width, asset.height, lang)} · {asset.format.toUpperCase()} ·{' '}
            {formatFileSize(asset.fileSize, lang)}
          </span>
        </figcaption>
      </figure>

      <section className="panel-focal" aria-labelledby="asset-focal-title">
        <div className="focal-head">
          <h3 id="asset-focal-title" className="side-title">
            {t('focal.title')}
          </h3>
          <p className="focal-value" aria-live="polite">
            {focal ? t('focal.value', focalPercent(focal)) : t('focal.none')}
          </p>
          {focal && (
            <button
              type="button"
              className="link-button"
              onClick={() => setFocal(null, { immediate: true })}
            >
              {t('focal.clear')}
            </button>
          )}
        </div>
        <p id="asset-focal-hint" className="muted small-text">
          {t('focal.hint')}
        </p>
        <h4 className="crop-title">{t('focal.crops')}</h4>
        <CropPreviews src={previewUrl} width={asset.width} height={asset.height} focal={focal} />
      </section>

      {asset.warnings.map((w) => (
        <p key={w} className="panel-warning">
          {t('assets.resultWarning', { warning: importWarningText(w, t, i18n.language) })}
        </p>
      ))}
      {editor.conflict && (
        <p role="alert" className="error">
          {editor.conflict}
        </p>
      )}

      <form
        className="panel-form"
        onSubmit={(ev) => {
          ev.preventDefault()
          void save()
        }}
      >
        {ASSET_EDITABLE_FIELDS.map((field) => {
          const inputId = `asset-field-${field}`
          const fileValue = e[field]
          const differs = fileValue !== null && fileValue !== (m[field] ?? null)
          const props = {
            id: inputId,
            className: 'input',
            value: draft[field],
            onChange: (
              ev: React.ChangeEvent<HTMLInputElement> | React.ChangeEvent<HTMLTextAreaElement>
            ) => setField(field, ev.target.value),
            onBlur: () => void save(),
            'aria-describedby': differs ? `${inputId}-file` : undefined
          }
          return (
            <div key={field} className={`field compact field-${field}`}>
              <label className="field-label" htmlFor={inputId}>
                {t(`assets.field.${field}`)}
                {field === 'credit' && !m.credit && (
                  <span className="flag flag-bad">{t('assets.required')}</span>
                )}
              </label>
              {MULTILINE.has(field) ? (
                <textarea {...props} rows={field === 'caption' ? 4 : 2} />
              ) : (
                <input {...props} type="text" />
              )}
              {differs && (
                <p className="file-value" id={`${inputId}-file`}>
                  <span>{t('assets.inFile', { value: fileValue })}</span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setField(field, fileValue)
                      void save()
                    }}
                  >
                    {t('assets.useFileValue')}
                  </button>
                </p>
              )}
            </div>
          )
        })}
        <div className="panel-actions">
          <span
            className={`save-status${saveState.kind === 'failed' ? ' save-error' : saveState.kind === 'saved' && !isDirty ? ' save-saved' : ''}`}
            role="status"
          >
            {statusText}
          </span>
          <button
            type="button"
            onClick={() => void undo()}
            disabled={!canUndo}
            title={t('assets.undoHint')}
          >
            {t('assets.undo')}
          </button>
          <button type="submit" className="primary" disabled={!isDirty}>
            {t('assets.save')}
          </button>
        </div>
      </form>

      <section className="panel-section" aria-labelledby="asset-usage-title">
        <h3 id="asset-usage-title" className="side-title">
          {t('assets.usage')}
        </h3>
        {uses.length === 0 ? (
          <p className="muted">{t('assets.notUsed')}</p>
        ) : (
          <ul className="usage-list">
            {uses.map((u) => (
              <li key={u.articleId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenArticle(u.articleId)}
                >
                  {u.headline || t('assets.untitled')}
                </button>
                <span className="muted usage-roles">{u.uses.map(roleText).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel-section" aria-labelledby="asset-file-title">
        <h3 id="asset-file-title" className="side-title">
          {t('assets.fileDetails')}
        </h3>
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel-section panel-danger">
        {editor.actionError && (
          <p role="alert" className="error">
            {editor.actionError}
          </p>
        )}
        <button
          type="button"
          className="danger"
          disabled={usedCount > 0}
          aria-describedby={usedCount > 0 ? 'asset-delete-reason' : undefined}
          onClick={() => editor.setConfirmingDelete(true)}
        >
          {t('assets.delete')}
        </button>
        {usedCount > 0 && (
          <p id="asset-delete-reason" className="muted small-text">
            {t('assets.deleteInUse', { count: usedCount })}
          </p>
        )}
      </section>

      <dialog
        ref={deleteDialog}
        className="dialog"
        aria-labelledby="asset-delete-title"
        onClose={() => editor.setConfirmingDelete(false)}
      >
        <h2 id="asset-delete-title">{t('assets.deleteConfirmTitle')}</h2>
        <p>{t('assets.deleteConfirm', { name: asset.originalName })}</p>
        <div className="dialog-actions gap">
          <button type="button" onClick={() => editor.setConfirmingDelete(false)} autoFocus>
            {t('assets.cancel')}
          </button>
          <button
            type="button"
            className="danger-solid"
            onClick={() => void editor.confirmDelete()}
          >
            {t('assets.deleteConfirmButton')}
          </button>
        </div>
      </dialog>
    </aside>
  )
}
