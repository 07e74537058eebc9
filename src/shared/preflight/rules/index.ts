import { ARTICLE_RULES } from './articleRules'
import { IMAGE_RULES } from './imageRules'
import { LINK_RULES } from './linkRules'
import {
  BODY_TYPOGRAPHY_RULE,
  CAPTION_TYPOGRAPHY_RULE,
  FIELD_TYPOGRAPHY_RULE
} from './typographyRules'
import type { PreflightRule } from './types'

/**
 * The shared checklist in the order its findings are listed: the article's fields, then every
 * image use with its checks, then the body's links, then the body's typography (reading order:
 * head fields, images, body). A new rule is one entry here (its code in
 * `FINDING_CODES`, its message under `preflight.<code>` in both languages).
 */
export const PREFLIGHT_RULES: readonly PreflightRule[] = [
  ...ARTICLE_RULES,
  FIELD_TYPOGRAPHY_RULE,
  ...IMAGE_RULES,
  CAPTION_TYPOGRAPHY_RULE,
  ...LINK_RULES,
  BODY_TYPOGRAPHY_RULE
]
