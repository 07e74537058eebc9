export {
  ARTICLE_DOC_BODY,
  ARTICLE_DOC_CONVERSION,
  ARTICLE_DOC_FIELDS,
  ARTICLE_DOC_META,
  ARTICLE_DOC_PARTS,
  ArticleDocError,
  CHOICE_FIELDS,
  FIELD_KEYS,
  IMAGE_USE_TEXTS,
  META_KEYS,
  TEXT_FIELDS,
  applyPatchToDoc,
  articleToDoc,
  docBody,
  docToArticle,
  emptyArticleDoc,
  nullMarker
} from './articleDoc'
export { docProblem, updateProblem } from './docProblem'
export { setTextMinimal } from './setTextMinimal'
export { keyBetween, spreadKeys } from './positionKey'
