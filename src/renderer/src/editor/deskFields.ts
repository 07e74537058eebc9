import type {
  Article,
  ArticleFields,
  ArticleLanguage,
  ArticlePatch,
  ArticleStatus,
  Gallery,
  ImageUse,
  PmNode
} from '../../../shared/article'

/** Everything the desk edits outside the body, as the form holds it (text fields as strings). */
export interface DeskFields {
  kicker: string
  headline: string
  teaser: string
  bylines: string[]
  place: string
  source: string
  language: ArticleLanguage
  timeZone: string
  status: ArticleStatus
  publishedAt: string | null
  embargoedUntil: string | null
  slugline: string
  tags: string[]
  edNote: string
  notes: string
  lead: ImageUse | null
  galleries: Gallery[]
}

/** The form's values for a loaded article. */
export function deskFieldsOf(article: ArticleFields): DeskFields {
  return {
    kicker: article.kicker ?? '',
    headline: article.headline ?? '',
    teaser: article.teaser ?? '',
    bylines: article.bylines,
    place: article.dateline.place ?? '',
    source: article.dateline.source ?? '',
    language: article.language,
    timeZone: article.timeZone,
    status: article.status,
    publishedAt: article.publishedAt,
    embargoedUntil: article.embargoedUntil,
    slugline: article.slugline ?? '',
    tags: article.tags,
    edNote: article.edNote ?? '',
    notes: article.notes ?? '',
    lead: article.lead,
    galleries: article.galleries
  }
}

function nullIfBlank(value: string): string | null {
  return value.trim() === '' ? null : value
}

/** The save patch for the form's values (the body is added by the caller). */
export function patchOfDeskFields(f: DeskFields): ArticlePatch {
  return {
    kicker: nullIfBlank(f.kicker),
    headline: nullIfBlank(f.headline),
    teaser: nullIfBlank(f.teaser),
    bylines: f.bylines,
    dateline: { place: nullIfBlank(f.place), source: nullIfBlank(f.source) },
    language: f.language,
    timeZone: f.timeZone,
    status: f.status,
    publishedAt: f.publishedAt,
    embargoedUntil: f.embargoedUntil,
    slugline: nullIfBlank(f.slugline),
    tags: f.tags,
    edNote: nullIfBlank(f.edNote),
    notes: nullIfBlank(f.notes),
    lead: f.lead,
    galleries: f.galleries
  }
}

/**
 * The form change that applies an article patch (as find-and-replace in the fields produces one):
 * only the keys the patch touches.
 */
export function deskChangeOf(patch: ArticlePatch): Partial<DeskFields> {
  const change: Partial<DeskFields> = {}
  const text = ['kicker', 'headline', 'teaser', 'slugline', 'edNote', 'notes'] as const
  for (const key of text) {
    const value = patch[key]
    if (value !== undefined) change[key] = value ?? ''
  }
  if (patch.dateline) {
    change.place = patch.dateline.place ?? ''
    change.source = patch.dateline.source ?? ''
  }
  if (patch.bylines) change.bylines = patch.bylines
  if (patch.tags) change.tags = patch.tags
  if (patch.lead !== undefined) change.lead = patch.lead
  if (patch.galleries) change.galleries = patch.galleries
  return change
}

/** The article as it stands on screen: the loaded one with the form's values and `body`. */
export function articleOnScreen(article: Article, fields: DeskFields, body: PmNode): Article {
  return { ...article, ...patchOfDeskFields(fields), body } as Article
}
