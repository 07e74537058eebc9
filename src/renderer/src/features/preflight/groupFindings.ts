import type { Finding, FindingWhere } from '../../../../shared/preflight/finding'

/** What the panel shows: everything, or one kind of finding. */
export type CheckFilter = 'all' | 'errors' | 'warnings' | 'spelling'

export const CHECK_FILTERS: readonly CheckFilter[] = ['all', 'errors', 'warnings', 'spelling']

/** One line of the panel: a finding on its own, or an image's findings under its name. */
export type CheckItem =
  | { kind: 'single'; key: string; finding: Finding }
  | { kind: 'image'; key: string; subject: string; findings: Finding[] }

/** A collapsible part of the panel. */
export interface CheckSection {
  id: 'errors' | 'warnings' | 'spelling'
  items: CheckItem[]
  /**
   * How many findings of its kind it holds: every error for the errors section (so it agrees
   * with the "N errors" badge, an image with two errors counting two), the warnings it lists,
   * one per word for spelling.
   */
  count: number
}

/** The place a `where` means, whatever input of it (`part`) a finding names. */
export function placeKey(where: FindingWhere): string {
  if ('field' in where) return `field:${where.field}`
  if ('nodeId' in where) return `node:${where.nodeId}`
  if ('galleryId' in where) return `gallery:${where.galleryId}:${where.index}`
  if ('assetId' in where) return `asset:${where.assetId}`
  return 'field:lead'
}

function isSpelling(f: Finding): boolean {
  return f.code === 'spelling'
}

/** The findings a filter lets through, in their order. */
export function filterFindings(findings: readonly Finding[], filter: CheckFilter): Finding[] {
  switch (filter) {
    case 'errors':
      return findings.filter((f) => f.severity === 'error')
    case 'warnings':
      return findings.filter((f) => f.severity === 'warning' && !isSpelling(f))
    case 'spelling':
      return findings.filter(isSpelling)
    default:
      return [...findings]
  }
}

/** How many findings each filter would show. */
export function filterCounts(findings: readonly Finding[]): Record<CheckFilter, number> {
  const counts = { all: findings.length, errors: 0, warnings: 0, spelling: 0 }
  for (const f of findings) {
    if (isSpelling(f)) counts.spelling++
    else if (f.severity === 'error') counts.errors++
    else counts.warnings++
  }
  return counts
}

/**
 * The panel's sections, errors first: the findings about one image (those with a `subject`)
 * gathered under it, in the section of its worst finding with its errors first; the other
 * findings one by one; spelling last, one entry per word. Empty sections are left out.
 */
export function groupFindings(findings: readonly Finding[]): CheckSection[] {
  const images = new Map<string, Finding[]>()
  const order: ({ kind: 'single'; finding: Finding } | { kind: 'image'; key: string })[] = []
  const spelling: Finding[] = []
  findings.forEach((finding) => {
    if (isSpelling(finding)) {
      spelling.push(finding)
      return
    }
    if (finding.subject === undefined) {
      order.push({ kind: 'single', finding })
      return
    }
    const key = placeKey(finding.where)
    const group = images.get(key)
    if (group) group.push(finding)
    else {
      images.set(key, [finding])
      order.push({ kind: 'image', key })
    }
  })
  const errors: CheckItem[] = []
  const warnings: CheckItem[] = []
  order.forEach((entry, i) => {
    if (entry.kind === 'single') {
      const item: CheckItem = { kind: 'single', key: `f${i}`, finding: entry.finding }
      if (entry.finding.severity === 'error') errors.push(item)
      else warnings.push(item)
      return
    }
    const group = images.get(entry.key)!
    const sorted = [
      ...group.filter((f) => f.severity === 'error'),
      ...group.filter((f) => f.severity !== 'error')
    ]
    const first = sorted[0]!
    const item: CheckItem =
      sorted.length === 1
        ? { kind: 'single', key: entry.key, finding: first }
        : { kind: 'image', key: entry.key, subject: first.subject ?? '', findings: sorted }
    if (first.severity === 'error') errors.push(item)
    else warnings.push(item)
  })
  const findingsOf = (items: CheckItem[]): Finding[] =>
    items.flatMap((item) => (item.kind === 'single' ? [item.finding] : item.findings))
  const sections: CheckSection[] = [
    {
      id: 'errors',
      items: errors,
      count: findingsOf(errors).filter((f) => f.severity === 'error').length
    },
    { id: 'warnings', items: warnings, count: findingsOf(warnings).length },
    {
      id: 'spelling',
      items: spelling.map((finding, i) => ({ kind: 'single', key: `s${i}`, finding })),
      count: spelling.length
    }
  ]
  return sections.filter((s) => s.items.length > 0)
}
