import { EditorContent, useEditor } from '@tiptap/react'
import { flushSync } from 'react-dom'
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState
} from 'react'
import { useTranslation } from 'react-i18next'
import type { Article, ArticlePatch, Gallery, ImageUse } from '../../../shared/article'
import {
  patchFromFieldValues,
  searchableFields,
  type FieldValues
} from '../../../shared/editor/findMatches'
import { ensureNodeIds } from '../../../shared/editor/nodeIds'
import { useSettings } from '../lib/settingsContext'
import { DeskActionSlot } from './deskShortcuts'
import {
  articleOnScreen,
  deskChangeOf,
  deskFieldsOf,
  patchOfDeskFields,
  type DeskFields
} from './deskFields'
import { deskExtensions } from './editorExtensions'
import { ArticleLanguageContext } from './fields/fieldTypography'
import { HeadFields } from './fields/HeadFields'
import { SideFields } from './fields/SideFields'
import { FindReplacePanel } from './find/FindReplacePanel'
import { FilePickButton } from './images/FilePickButton'
import { insertFigures, selectionInsertPosition } from './images/figureInsert'
import { GalleriesPanel } from './images/GalleriesPanel'
import { ImportStatus } from './images/ImportStatus'
import { SpellingMenuHost } from './spelling/SpellingMenu'
import { ImportedFromNote } from './ImportedFromNote'
import { LeadImageSlot } from './images/LeadImageSlot'
import { PhotoStrip } from './images/PhotoStrip'
import { trackPosition } from './images/trackPosition'
import { useImageImport } from './images/useImageImport'
import { SaveStatus } from './SaveStatus'
import { BodyStatsLine } from './stats/BodyStatsLine'
import { LinkPopover } from './toolbar/LinkPopover'
import { Toolbar } from './toolbar/Toolbar'
import { useAutosave } from './useAutosave'
import { createBodyJsonCache } from './bodyJson'
import { DeskChecks, DeskConflict, SideSectionBox, useSideSections } from './DeskPanels'
import type { SideSection } from './deskJump'
import type { Finding } from '../../../shared/preflight/finding'
import { fixTypographyInBody } from '../features/preflight/typographyFix'
import { updateItem, withOverride } from './images/galleryEdits'
import { call, newsroom } from '../lib/newsroom'
import { uiLanguageFor } from '../../../shared/i18n'
import './editor.css'

type DeskView = 'write' | 'preview'

// Loaded when first shown: the desk can take input before their script is compiled and run.
const ArticlePreview = lazy(() =>
  import('./preview/ArticlePreview').then((m) => ({ default: m.ArticlePreview }))
)
const ExportDialog = lazy(() =>
  import('../features/export/ExportDialog').then((m) => ({ default: m.ExportDialog }))
)
const HistoryDialog = lazy(() =>
  import('../features/history/HistoryDialog').then((m) => ({ default: m.HistoryDialog }))
)

/** The fields above the body a one-click fix may set. */
const HEAD_FIELDS = new Set(['kicker', 'headline', 'teaser'])

/** The id of the find panel's search field (Mod-f focuses it again when the panel is open). */
const FIND_INPUT_ID = 'find-term'

/**
 * The editing desk for one article: the structured fields, the body (TipTap with the shared
 * schema, toolbar, figures and pull quotes), the lead image and galleries, counts, find and
 * replace and a live preview, all saved by one autosave.
 *
 * The editor never re-renders on a keystroke (`shouldRerenderOnTransaction: false`): the toolbar
 * and find panel read it through `useEditorState` selectors, the counts listen to `update`, and
 * the save reads the document only when it runs.
 */
export function EditorDesk({
  article,
  onBack,
  onReload,
  onOpen
}: {
  article: Article
  onBack(): void
  /** Loads the article again from the library (after a restore, or to take theirs). */
  onReload(): void
  /** Opens another article (the copy made to keep mine). */
  onOpen(id: string): void
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [isHistoryOpen, setHistoryOpen] = useState(false)
  const [isExportOpen, setExportOpen] = useState(false)
  const settings = useSettings()
  const [fields, setFields] = useState<DeskFields>(() => deskFieldsOf(article))
  const fieldsRef = useRef(fields)
  useLayoutEffect(() => {
    fieldsRef.current = fields
  })
  const [view, setView] = useState<DeskView>('write')
  const [isFindOpen, setFindOpen] = useState(false)
  const [isLinkOpen, setLinkOpen] = useState(false)
  const sections = useSideSections()
  const importer = useImageImport()
  const toolbarRef = useRef<HTMLDivElement>(null)
  const imageInputRef = useRef<HTMLInputElement>(null)
  const [actions] = useState(() => new DeskActionSlot())
  // Created once: a new extension list would rebuild the editor (language and typography switch
  // live through setTypography below).
  const [extensions] = useState(() =>
    deskExtensions({
      language: article.language,
      typography: settings.smartTypography,
      articleId: article.id,
      actions
    })
  )
  // Node ids come with the content, so opening an article needs no start-up transaction.
  const [content] = useState(() => ensureNodeIds(article.body))

  // The same object on every render: useEditor compares options by identity, and new ones
  // would make ProseMirror re-apply its state (and reset a selection being extended) each time.
  const editorProps = useMemo(
    () => ({
      attributes: { 'aria-label': t('editor.body'), class: 'body-editor', id: 'body-editor' }
    }),
    [t]
  )
  const editor = useEditor({
    extensions,
    content,
    shouldRerenderOnTransaction: false,
    // The CSP forbids injected <style>; ProseMirror's few rules live in editor.css.
    injectCSS: false,
    editorProps,
    onUpdate: () => autosave.controller.markDirty()
  })

  const [bodyJson] = useState(() => createBodyJsonCache())
  const collect = (): ArticlePatch => ({
    ...patchOfDeskFields(fieldsRef.current),
    ...(editor && !editor.isDestroyed ? { body: bodyJson(editor.state.doc) } : {})
  })
  const autosave = useAutosave(article.id, article.revision, collect)
  const { controller } = autosave

  useEffect(() => {
    editor.commands.setTypography({
      language: fields.language,
      enabled: settings.smartTypography
    })
  }, [editor, fields.language, settings.smartTypography])
  useEffect(() => {
    editor.commands.setSpellingLanguage(fields.language)
  }, [editor, fields.language])

  const update = useCallback(
    (change: Partial<DeskFields>): void => {
      setFields((f) => {
        const next = { ...f, ...change }
        fieldsRef.current = next
        return next
      })
      controller.markDirty()
    },
    [controller]
  )
  const updateWith = useCallback(
    (change: (f: DeskFields) => Partial<DeskFields>): void => {
      setFields((f) => {
        const next = { ...f, ...change(f) }
        fieldsRef.current = next
        return next
      })
      controller.markDirty()
    },
    [controller]
  )
  const handleLeadChange = useCallback(
    (change: (lead: ImageUse | null) => ImageUse | null) =>
      updateWith((f) => ({ lead: change(f.lead) })),
    [updateWith]
  )
  const handleGalleriesChange = useCallback(
    (change: (galleries: Gallery[]) => Gallery[]) =>
      updateWith((f) => ({ galleries: change(f.galleries) })),
    [updateWith]
  )

  const importIntoBody = useCallback(
    (files: readonly File[], position: number): void => {
      const tracker = trackPosition(editor, position)
      const before = editor.state
      void importer.importFiles(files).then((ids) => {
        const at = tracker.stop()
        // Into the new caption only if the reporter has not moved on while the files imported.
        const isUntouched =
          editor.state.doc === before.doc && editor.state.selection.eq(before.selection)
        if (ids.length) insertFigures(editor, ids, at, { select: isUntouched })
      })
    },
    [editor, importer]
  )

  const openFind = (): void => {
    setView('write')
    setFindOpen(true)
    document.getElementById(FIND_INPUT_ID)?.focus()
  }

  useLayoutEffect(() => {
    actions.set({
      openLink: () => setLinkOpen(true),
      pickImages: () => imageInputRef.current?.click(),
      focusToolbar: () =>
        toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus(),
      importFiles: importIntoBody,
      insertAssets: (ids, position) => void insertFigures(editor, ids, position),
      fillHeadline: (headline) => updateWith((f) => (f.headline ? {} : { headline }))
    })
  })

  const onScreen = useMemo(() => articleOnScreen(article, fields, article.body), [article, fields])
  const fieldValues = useMemo(
    () => (isFindOpen ? searchableFields(onScreen) : {}),
    [isFindOpen, onScreen]
  )
  const handleReplaceInFields = (changed: FieldValues): void => {
    const current = articleOnScreen(article, fieldsRef.current, article.body)
    update(deskChangeOf(patchFromFieldValues(current, changed)))
  }

  // A jump must find its input on screen at once: the tab or section is shown synchronously.
  const checksContext = {
    editor,
    showWrite: () => flushSync(() => setView('write')),
    reveal: (section: SideSection) => {
      flushSync(() => setView('write'))
      flushSync(() => sections.open(section))
    },
    fix: (finding: Finding) => {
      const text = finding.suggestions?.[0]
      const where = finding.where
      if (text === undefined) return
      if ('nodeId' in where) {
        fixTypographyInBody(editor, where.nodeId, fieldsRef.current.language, text)
      } else if ('galleryId' in where) {
        handleGalleriesChange((all) =>
          updateItem(all, where.galleryId, where.index, 'caption', text)
        )
      } else if ('field' in where && HEAD_FIELDS.has(where.field)) {
        update({ [where.field]: text })
      } else {
        // The lead's caption (the only other place a typography finding points at).
        handleLeadChange((lead) => (lead ? withOverride(lead, 'caption', text) : lead))
      }
    }
  }
  const sideSection = (
    id: SideSection,
    title: string,
    children: React.ReactNode
  ): React.JSX.Element => (
    <SideSectionBox
      id={id}
      title={title}
      isOpen={sections.isOpen(id)}
      onToggle={() => sections.toggle(id)}
    >
      {children}
    </SideSectionBox>
  )

  const handleDeskKeyDown = (e: React.KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
      e.preventDefault()
      openFind()
    }
  }

  return (
    <section
      className="editor"
      aria-label={fields.headline || t('library.untitled')}
      onKeyDown={handleDeskKeyDown}
    >
      <div className="editor-toolbar">
        <button
          type="button"
          className="ghost"
          onClick={() => void controller.flush().then(onBack)}
        >
          ← {t('app.back')}
        </button>
        <div className="view-tabs" role="tablist" aria-label={t('desk.views')}>
          {(['write', 'preview'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`desk-tab-${name}`}
              aria-controls={`desk-panel-${name}`}
              aria-selected={view === name}
              className={view === name ? 'view-tab is-current' : 'view-tab'}
              onClick={() => setView(name)}
            >
              {t(`desk.${name}`)}
            </button>
          ))}
        </div>
        <div className="desk-actions">
          <SaveStatus source={autosave.status} />
          <button type="button" className="ghost" onClick={() => setHistoryOpen(true)}>
            {t('history.button')}
          </button>
          <button type="button" className="primary" onClick={() => setExportOpen(true)}>
            {t('exportPackage.button')}
          </button>
        </div>
      </div>
      <DeskConflict
        status={autosave.status}
        onReloadTheirs={onReload}
        onKeepMine={async () => {
          const copy = await call(newsroom.saveArticleAsCopy({ id: article.id, patch: collect() }))
          onOpen(copy.id)
        }}
      />
      <ImportStatus state={importer.state} onDismiss={importer.dismissErrors} />
      <SpellingMenuHost />
      <ImportedFromNote
        importedFrom={article.importedFrom}
        revision={article.revision}
        status={autosave.status}
      />
      <ArticleLanguageContext value={fields.language}>
        <div className="editor-columns">
          <div className="editor-main">
            <div
              className="editor-sheet"
              role="tabpanel"
              id="desk-panel-write"
              aria-labelledby="desk-tab-write"
              hidden={view !== 'write'}
            >
              <HeadFields fields={fields} onChange={update} />
              <div className="field">
                <span className="field-label">{t('editor.body')}</span>
                <div className="body-frame">
                  {isFindOpen && (
                    <FindReplacePanel
                      editor={editor}
                      inputId={FIND_INPUT_ID}
                      fieldValues={fieldValues}
                      onReplaceInFields={handleReplaceInFields}
                      onClose={() => setFindOpen(false)}
                    />
                  )}
                  <EditorContent editor={editor} className="body-content" />
                  <div className="body-toolbar-wrap">
                    <Toolbar
                      editor={editor}
                      toolbarRef={toolbarRef}
                      isFindOpen={isFindOpen}
                      onLink={() => setLinkOpen(true)}
                      onPickImages={() => imageInputRef.current?.click()}
                      onToggleFind={() => (isFindOpen ? setFindOpen(false) : openFind())}
                    />
                    {isLinkOpen && (
                      <LinkPopover editor={editor} onClose={() => setLinkOpen(false)} />
                    )}
                  </div>
                </div>
                <BodyStatsLine editor={editor} language={fields.language} />
                <FilePickButton
                  label={t('desk.insertImage')}
                  hasButton={false}
                  inputRef={imageInputRef}
                  isMultiple
                  onFiles={(files) => importIntoBody(files, selectionInsertPosition(editor.state))}
                />
              </div>
            </div>
            {view === 'preview' && (
              <div
                className="preview-sheet"
                role="tabpanel"
                id="desk-panel-preview"
                aria-labelledby="desk-tab-preview"
              >
                <Suspense fallback={<div className="app-loading" aria-busy="true" />}>
                  <ArticlePreview editor={editor} article={onScreen} settings={settings} />
                </Suspense>
              </div>
            )}
          </div>
          <aside className="editor-side" aria-label={t('checks.sideSections')}>
            {sideSection(
              'people',
              t('editor.sectionPeople'),
              <SideFields fields={fields} onChange={update} part="people" />
            )}
            {sideSection(
              'timing',
              t('editor.sectionTiming'),
              <SideFields fields={fields} onChange={update} part="timing" />
            )}
            <DeskChecks
              articleId={article.id}
              status={autosave.status}
              controller={controller}
              context={checksContext}
              isOpen={sections.isOpen('checks')}
              onToggle={() => sections.toggle('checks')}
            />
            {sideSection(
              'images',
              t('desk.images'),
              <>
                <LeadImageSlot
                  lead={fields.lead}
                  onChange={handleLeadChange}
                  importFiles={importer.importFiles}
                />
                <GalleriesPanel
                  galleries={fields.galleries}
                  language={fields.language}
                  onChange={handleGalleriesChange}
                  importFiles={importer.importFiles}
                />
                <PhotoStrip />
              </>
            )}
            {sideSection(
              'filing',
              t('checks.sectionOther'),
              <SideFields fields={fields} onChange={update} part="filing" />
            )}
          </aside>
        </div>
      </ArticleLanguageContext>
      <Suspense fallback={null}>
        {isHistoryOpen && (
          <HistoryDialog
            articleId={article.id}
            prepare={async () => {
              await controller.flush()
              return controller.baseRevision
            }}
            onRestored={onReload}
            onClose={() => setHistoryOpen(false)}
          />
        )}
        {isExportOpen && (
          <ExportDialog
            articleId={article.id}
            language={uiLanguageFor(i18n.language)}
            flush={() => controller.flush()}
            onExported={(result) => {
              controller.resume(result.revision)
              setFields((f) => {
                const next = { ...f, status: 'exported' as const }
                fieldsRef.current = next
                return next
              })
            }}
            onClose={() => setExportOpen(false)}
          />
        )}
      </Suspense>
    </section>
  )
}
