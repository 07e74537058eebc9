import type { z } from 'zod'
import {
  Channels,
  inputSchemas,
  type Channel,
  type OutputOf,
  type ParsedInputOf
} from '../../shared/ipc'
import type { ArticlePatch } from '../../shared/article'
import { articlePatchProblem } from '../../shared/editor/articleCheck'
import { lastPublished, reinstated } from '../../shared/publication'
import { CopydeskError, fail, ok, type Result } from '../../shared/result'
import { FlushBroker } from '../lifecycle/flushBroker'
import type { Services } from '../services'
import { importFileFromIpc } from '../services/assets/assetStore'
import { convertDocx } from '../services/docx/convertDocx'
import { importPackageBytes } from '../services/packages/importPackage'

/** What the app shell lends the handlers besides the core services. */
export interface ShellContext {
  /** Pairs the renderer's `app:flushed` answers with the flush requests main sent. */
  flushes: FlushBroker
}

type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  services: Services,
  shell: ShellContext
) => Promise<OutputOf<C>>

/**
 * The input schemas check every article field; the body is also checked against the editor
 * schema here (the same check package import and the CLI run), so nothing the editor cannot open
 * is ever stored.
 */
function checkedPatch<T extends ArticlePatch>(channel: Channel, patch: T): T {
  const problem = articlePatchProblem(patch)
  if (problem) {
    throw new CopydeskError(
      'invalid-input',
      `Invalid input for ${channel}: ${problem.field}: ${problem.message}`
    )
  }
  return patch
}

/** What each channel does, given input that has already been validated. */
const handlers: { [C in Channel]: Handler<C> } = {
  [Channels.appInfo]: async (_input, s) => ({
    version: s.version,
    libraryDir: s.libraryDir,
    systemLocale: s.systemLocale
  }),
  [Channels.appFlushed]: async (input, _s, shell) => ({
    accepted: shell.flushes.acknowledge(input)
  }),
  [Channels.settingsGet]: async (_input, s) => s.settings.get(),
  [Channels.settingsSet]: async (input, s) => s.settings.update(input),
  [Channels.articlesList]: async (input, s) => s.articles.list(input ?? {}),
  [Channels.articlesCreate]: async (input, s) =>
    s.articles.create(checkedPatch(Channels.articlesCreate, input ?? {})),
  [Channels.articlesGet]: async (input, s) => s.articles.get(input.id),
  [Channels.articlesSave]: async (input, s) =>
    s.articles.save(input.id, input.baseRevision, checkedPatch(Channels.articlesSave, input.patch)),
  [Channels.articlesDelete]: async (input, s) => {
    await s.articles.delete(input.id)
    return { id: input.id }
  },
  [Channels.articlesDuplicate]: async (input, s) => s.articles.duplicate(input.id),
  [Channels.articlesTrash]: async (_input, s) => s.articles.listTrash(),
  [Channels.articlesRestore]: async (input, s) => s.articles.restoreFromTrash(input.id),
  [Channels.articlesEmptyTrash]: async (_input, s) => s.articles.emptyTrash(),
  [Channels.articlesHistory]: async (input, s) => s.articles.versions(input.id),
  [Channels.articlesDiff]: async (input, s) => s.articles.diff(input.id, input.versionId),
  [Channels.articlesRestoreVersion]: async (input, s) =>
    s.articles.restore(input.id, input.versionId, input.baseRevision),
  [Channels.articlesSaveAsCopy]: async (input, s) =>
    s.articles.saveAsCopy(input.id, checkedPatch(Channels.articlesSaveAsCopy, input.patch)),
  [Channels.articlesDiscardIfEmpty]: async (input, s) => s.articles.discardIfEmpty(input.id),
  [Channels.libraryProblems]: async (_input, s) => s.articles.problems(),
  [Channels.assetsImport]: async (input, s) => s.assets.import(input.files.map(importFileFromIpc)),
  [Channels.assetsList]: async (input, s) => s.assets.list(input ?? {}),
  [Channels.assetsGet]: async (input, s) => s.assets.get(input.id),
  [Channels.assetsUpdate]: async (input, s) =>
    s.assets.update(input.id, input.baseRevision, input.patch),
  [Channels.assetsUndo]: async (input, s) => s.assets.undo(input.id, input.baseRevision),
  [Channels.assetsDelete]: async (input, s) => {
    await s.assets.delete(input.id)
    return { id: input.id }
  },
  [Channels.assetsUsage]: async (input, s) => s.assets.usage(input.id),
  [Channels.assetsAttach]: async (input, s) =>
    s.assets.attach(
      input.articleId,
      input.assetIds,
      input.target === 'lead' ? { kind: 'lead' } : { kind: 'gallery', name: input.galleryName }
    ),
  [Channels.spellingCheck]: async (input, s) =>
    s.spelling.check(input.text, input.language, { suggestions: input.suggestions }),
  [Channels.spellingWords]: async (_input, s) => s.spelling.words(),
  [Channels.spellingAddWord]: async (input, s) => s.spelling.addWord(input.word, input.like),
  [Channels.spellingRemoveWord]: async (input, s) => s.spelling.removeWord(input.word),
  [Channels.preflightRun]: async (input, s) =>
    s.preflight.run(input.id, { language: input.language ?? 'en' }),
  [Channels.exportStart]: async (input, s) => s.exports.start(input),
  [Channels.exportProgress]: async (input, s) => s.exports.status(input.jobId),
  [Channels.exportCancel]: async (input, s) => s.exports.cancel(input.jobId),
  [Channels.exportAssetOptions]: async (input, s) => {
    await s.assets.get(input.assetId)
    return s.exportOptions.get(input.assetId)
  },
  [Channels.exportSetAssetOptions]: async (input, s) => {
    await s.assets.get(input.assetId)
    return s.exportOptions.setKeepMetadata(input.assetId, input.keepMetadata)
  },
  [Channels.exportReinstate]: async (input, s) => {
    const article = await s.articles.updatePublication(input.id, (current) => {
      if (!current?.killed) {
        throw new CopydeskError(
          'conflict',
          `Article ${input.id} is not withdrawn: there is nothing to reinstate`
        )
      }
      return reinstated(current)
    })
    return { id: article.id, lastVersion: lastPublished(article.publication)?.version ?? 0 }
  },
  [Channels.packagesImport]: async (input, s) =>
    importPackageBytes(
      s,
      input.name,
      'bytes' in input ? input.bytes : Buffer.from(input.base64, 'base64'),
      { as: input.as }
    ),
  [Channels.docxConvert]: async (input, s) =>
    convertDocx(input.name, 'bytes' in input ? input.bytes : Buffer.from(input.base64, 'base64'), s)
}

/** A channel's entry point: raw renderer input in, Result out; it never throws. */
export type BoundHandler = (rawInput: unknown) => Promise<Result<unknown>>

function describeZodError(channel: string, error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'input'
  return `Invalid input for ${channel}: ${where}: ${issue?.message ?? 'invalid'}`
}

/**
 * The one handler table: channel -> validate -> service -> Result. Electron's ipcMain and the
 * test harness both register exactly this.
 */
export function createHandlerTable(
  services: Services,
  log: (message: string) => void = (m) => console.error(m),
  shell: ShellContext = { flushes: new FlushBroker() }
): ReadonlyMap<Channel, BoundHandler> {
  const table = new Map<Channel, BoundHandler>()
  for (const channel of Object.values(Channels)) {
    const schema = inputSchemas[channel] as z.ZodType
    const handler = handlers[channel] as Handler<Channel>
    table.set(channel, async (rawInput) => {
      const parsed = schema.safeParse(rawInput)
      if (!parsed.success) return fail('invalid-input', describeZodError(channel, parsed.error))
      try {
        return ok(await handler(parsed.data as ParsedInputOf<Channel>, services, shell))
      } catch (error) {
        if (error instanceof CopydeskError) return fail(error.code, error.message, error.detail)
        log(
          `[${channel}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        )
        return fail('internal', `Unexpected error in ${channel}: ${String(error)}`)
      }
    })
  }
  return table
}
