import { resolve } from 'node:path'
import {
  ARTICLE_STATUSES,
  controlCharacterProblem,
  type Article,
  type ArticlePatch,
  type ArticleStatus,
  type PmNode
} from '../../shared/article'
import { presentArticle } from '../../shared/articleView'
import { articlePatchProblem } from '../../shared/editor/articleCheck'
import { ensureNodeIds, newNodeId } from '../../shared/editor/nodeIds'
import { CopydeskError } from '../../shared/result'
import type { Services } from '../../main/services'
import { docxNoteText } from '../../main/services/docx/convertDocx'
import { isDocxBodyFile, readBodyFile, readDocxBodyFile } from '../bodyFile'
import { oneLine } from '../cliIo'
import { oneId, parse, printJson, type Command } from '../command'
import { checkedDate, checkedLanguage, FLAG_OF_FIELD } from './articles'

const FLAGS =
  '--kicker, --headline, --teaser, --byline, --dateline, --date, --language, --status, --append-body-file'

/**
 * A text flag's value as the article stores it: blank (`""`, spaces) is the empty field, null,
 * as the editor saves an emptied input. A blank value with a control character stays as typed,
 * so the article check refuses it instead of it silently clearing the field.
 */
function storedText(value: string): string | null {
  return value.trim() === '' && controlCharacterProblem(value) === null ? null : value
}

function statusOf(value: string): ArticleStatus {
  if (!(ARTICLE_STATUSES as readonly string[]).includes(value)) {
    throw new CopydeskError(
      'invalid-input',
      `update: --status "${value}" is not one of ${ARTICLE_STATUSES.join(', ')}`
    )
  }
  return value as ArticleStatus
}

/** The same usage error, naming `--append-body-file` (the readers name `--body-file`). */
function asAppendError(error: unknown): unknown {
  if (error instanceof CopydeskError && error.message.startsWith('--body-file ')) {
    return new CopydeskError(
      error.code,
      `--append-body-file ${error.message.slice('--body-file '.length)}`,
      error.detail
    )
  }
  return error
}

function isEmptyParagraph(node: PmNode): boolean {
  return node.type === 'paragraph' && !node.content?.length
}

/** The blocks of a body, without the empty paragraphs at its ends. */
function trimmedBlocks(body: PmNode): PmNode[] {
  const blocks = [...(body.content ?? [])]
  while (blocks.length && isEmptyParagraph(blocks[0]!)) blocks.shift()
  while (blocks.length && isEmptyParagraph(blocks.at(-1)!)) blocks.pop()
  return blocks
}

function withoutNodeIds(node: PmNode): PmNode {
  const out: PmNode = { ...node }
  if (node.attrs && 'nodeId' in node.attrs) {
    const attrs = { ...node.attrs }
    delete attrs.nodeId
    out.attrs = attrs
  }
  if (node.content) out.content = node.content.map(withoutNodeIds)
  return out
}

/**
 * The body with `added`'s blocks after its own. The article's blocks keep their node ids (the
 * findings that point at them stay valid); the appended ones get fresh ids, never one the
 * article already has, whatever ids the file carried.
 */
function appendedBody(current: PmNode, added: PmNode): PmNode {
  const taken = new Set<string>()
  const collect = (node: PmNode): void => {
    const id = node.attrs?.nodeId
    if (typeof id === 'string') taken.add(id)
    node.content?.forEach(collect)
  }
  collect(current)
  const fresh = (): string => {
    let id = newNodeId()
    while (taken.has(id)) id = newNodeId()
    return id
  }
  const tail = ensureNodeIds(
    { type: 'doc', content: trimmedBlocks(added).map(withoutNodeIds) },
    fresh
  )
  // A draft's trailing empty paragraph (where the editor's caret was) would stand between.
  return { ...current, content: [...trimmedBlocks(current), ...(tail.content ?? [])] }
}

async function currentArticle(s: Services, id: string): Promise<Article> {
  try {
    return await s.articles.get(id)
  } catch (error) {
    if (error instanceof CopydeskError && error.code === 'not-found') {
      const trashed = (await s.articles.listTrash()).some((t) => t.id === id)
      if (trashed) {
        throw new CopydeskError(
          'not-found',
          `update: article ${id} is in the trash; copydesk restore ${id} brings it back`
        )
      }
      throw new CopydeskError('not-found', `update: no article with id ${id}`)
    }
    throw error
  }
}

/** The patch's fields whose values differ from the article's. */
function changedFields(article: Article, patch: ArticlePatch): string[] {
  return (Object.keys(patch) as (keyof ArticlePatch)[]).filter(
    (key) => JSON.stringify(patch[key]) !== JSON.stringify(article[key])
  )
}

/** update: changes fields of an article the library holds. */
export const updateCommands: Record<string, Command> = {
  async update(args, ctx) {
    const { values, positionals } = parse('update', args, {
      kicker: { type: 'string' },
      headline: { type: 'string' },
      teaser: { type: 'string' },
      byline: { type: 'string', multiple: true },
      dateline: { type: 'string' },
      date: { type: 'string' },
      language: { type: 'string' },
      status: { type: 'string' },
      'append-body-file': { type: 'string' }
    })
    const id = oneId('update', positionals)
    if (Object.values(values).every((v) => v === undefined)) {
      throw new CopydeskError('invalid-input', `update: nothing to change; give one of ${FLAGS}`)
    }
    // Today the patch replaces each named field whole, under the library's lock. Once articles
    // are collaborative documents, each text flag becomes a minimal change to its Y.Text (common
    // prefix and suffix kept), so a concurrent fix elsewhere in the same field survives; what
    // the flags mean stays the same.
    const patch: ArticlePatch = {}
    if (values.kicker !== undefined) patch.kicker = storedText(values.kicker)
    if (values.headline !== undefined) patch.headline = storedText(values.headline)
    if (values.teaser !== undefined) patch.teaser = storedText(values.teaser)
    if (values.byline) patch.bylines = values.byline.map((b) => b.trim()).filter(Boolean)
    if (values.date !== undefined) {
      patch.publishedAt = values.date === '' ? null : checkedDate('update', values.date)
    }
    if (values.language !== undefined) patch.language = checkedLanguage('update', values.language)
    if (values.status !== undefined) patch.status = statusOf(values.status)
    const place = values.dateline === undefined ? undefined : storedText(values.dateline)
    // Checked with the place alone first: the source kept beside it is not the user's input.
    const flagProblem = articlePatchProblem(
      place === undefined ? patch : { ...patch, dateline: { place, source: null } }
    )
    const refuse = (problem: { field: string; message: string }, flag?: string): never => {
      const field = problem.field.split('.')[0] ?? ''
      throw new CopydeskError(
        'invalid-input',
        `update: ${flag ?? FLAG_OF_FIELD[field] ?? problem.field}: ${problem.message}`
      )
    }
    if (flagProblem) refuse(flagProblem)

    const bodyFlag = values['append-body-file']
    const bodyFile = bodyFlag === undefined ? null : resolve(ctx.io.cwd, bodyFlag)
    let added: PmNode | null = null
    if (bodyFile !== null && !isDocxBodyFile(bodyFile)) {
      added = await readBodyFile(bodyFile).catch((error: unknown) => {
        throw asAppendError(error)
      })
    }

    const s = await ctx.services('write')
    const article = await currentArticle(s, id)
    let notes: string[] = []
    // Read after the id is known to exist: a Word document's images go into the photo desk.
    if (bodyFile !== null && isDocxBodyFile(bodyFile)) {
      const docx = await readDocxBodyFile(bodyFile, s, { headlineFromDocument: false }).catch(
        (error: unknown) => {
          throw asAppendError(error)
        }
      )
      added = docx.body
      notes = docx.notes.map((n) => `--append-body-file ${bodyFlag}: ${docxNoteText(n)}`)
    }
    if (added !== null) {
      if (trimmedBlocks(added).length === 0) {
        throw new CopydeskError(
          'invalid-input',
          `update: --append-body-file ${bodyFile}: holds no text or images to append`
        )
      }
      patch.body = appendedBody(article.body, added)
      const bodyProblem = articlePatchProblem({ body: patch.body })
      if (bodyProblem) refuse(bodyProblem, `--append-body-file ${bodyFlag}`)
    }
    if (place !== undefined) patch.dateline = { place, source: article.dateline.source }

    for (const note of notes) ctx.io.err(oneLine(note))
    if (changedFields(article, patch).length > 0) {
      await s.articles.save(id, article.revision, patch)
    } else {
      ctx.io.err(`update: article ${id} already has these values; nothing was written`)
    }
    if (ctx.json)
      printJson(ctx.io, presentArticle(await s.articles.get(id), await s.assets.defaults()))
    else ctx.io.out(id)
    return 0
  }
}
