import type { TFunction } from 'i18next'
import { parseImportWarning } from '../../../shared/importWarnings'

/** The core's names of the photo's text fields, to the interface's words for them. */
const FIELD_KEYS: Record<string, string> = {
  caption: 'caption',
  headline: 'headline',
  photographer: 'photographer',
  credit: 'credit',
  source: 'source',
  'copyright notice': 'copyright',
  'usage terms': 'usageTerms',
  'date created': 'dateCreated',
  city: 'city',
  country: 'country',
  'alt text': 'alt',
  'file name': 'originalName'
}

/**
 * One import warning as the interface says it. The English interface shows the core's sentence,
 * which says the same with more detail; the German one says each known kind in German from its
 * figures, and any other in general words, never the English sentence.
 */
export function importWarningText(warning: string, t: TFunction, language: string): string {
  if (!language.startsWith('de')) return warning
  const parsed = parseImportWarning(warning)
  const n = (value: number): string => value.toLocaleString(language)
  switch (parsed?.kind) {
    case 'text-cut': {
      const key = FIELD_KEYS[parsed.field]
      return t('assets.importWarning.textCut', {
        field: key ? t(`assets.importWarning.field.${key}`) : parsed.field,
        length: n(parsed.length),
        max: n(parsed.max),
        before: parsed.before,
        left: n(parsed.left),
        after: parsed.after
      })
    }
    case 'chunk-left-out':
      return t(
        parsed.together
          ? 'assets.importWarning.chunksTogether'
          : 'assets.importWarning.chunkLeftOut',
        {
          chunk: parsed.chunk,
          keyword: parsed.keyword,
          limit: parsed.limitMb,
          xmp: parsed.xmp ? t('assets.importWarning.xmp') : ''
        }
      )
    case 'more-chunks':
      return t('assets.importWarning.moreChunks', { count: parsed.count })
    case 'metadata-damaged':
      return t('assets.importWarning.metadataDamaged')
    default:
      return t('assets.importWarning.other')
  }
}
