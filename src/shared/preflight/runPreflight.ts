import type { Article } from '../article'
import { translate } from '../i18n/translate'
import type { Finding } from './finding'
import { PREFLIGHT_RULES } from './rules'
import { imageSlots, presentText, type ImageSlot } from './rules/imageSlots'
import type {
  ImageRule,
  ImageSubject,
  PreflightContext,
  PreflightRule,
  RuleHit
} from './rules/types'

export type { PreflightAsset, PreflightContext } from './rules/types'

/**
 * The copy desk's checklist over an article, without spelling (which runs in the main process):
 * the rules of `PREFLIGHT_RULES` in their order. Missing headline, byline, caption or credit
 * block export.
 */
export function runPreflight(
  article: Article,
  ctx: PreflightContext,
  rules: readonly PreflightRule[] = PREFLIGHT_RULES
): Finding[] {
  const findings: Finding[] = []
  const report = (rule: PreflightRule, hits: RuleHit[], subject?: string): void => {
    for (const hit of hits) {
      findings.push({
        severity: rule.severity,
        code: rule.code,
        where: hit.where,
        message: translate(ctx.language, `preflight.${rule.code}`, hit.params ?? {}),
        ...(subject === undefined ? {} : { subject }),
        ...(hit.suggestions === undefined ? {} : { suggestions: hit.suggestions })
      })
    }
  }
  let slots: ImageSlot[] | null = null
  for (let i = 0; i < rules.length;) {
    const rule = rules[i]!
    if (rule.scope === 'article') {
      report(rule, rule.check(article, ctx))
      i++
      continue
    }
    // A run of image rules goes image by image, so each image's findings stay together.
    const group: ImageRule[] = []
    while (i < rules.length && rules[i]!.scope === 'image') group.push(rules[i++] as ImageRule)
    slots ??= imageSlots(article, ctx.language)
    const captions = new Map<string, ImageSlot>()
    for (const slot of slots) {
      const asset = ctx.asset(slot.use.assetId)
      const subject: ImageSubject = {
        slot,
        use: slot.use,
        asset,
        caption: presentText(slot.use.caption) ?? presentText(asset?.caption),
        credit: presentText(slot.use.credit) ?? presentText(asset?.credit),
        alt: presentText(slot.use.alt) ?? presentText(asset?.alt),
        articleLanguage: article.language,
        captions
      }
      for (const imageRule of group) {
        report(imageRule, imageRule.check(subject, ctx), slot.label)
      }
    }
  }
  return findings
}

/** Errors block export; warnings do not. */
export function hasBlockingFindings(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}
