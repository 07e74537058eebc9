/** How the find panel names a field path of `searchableFields`: a UI string key and its values. */
export function fieldLabelKey(path: string): { key: string; values?: Record<string, number> } {
  const gallery = /^galleries\.(\d+)\.items\.(\d+)\.caption$/.exec(path)
  if (gallery) {
    return {
      key: 'desk.galleryCaption',
      values: { gallery: Number(gallery[1]) + 1, position: Number(gallery[2]) + 1 }
    }
  }
  if (/^bylines\.\d+$/.test(path)) return { key: 'editor.bylines' }
  const keys: Record<string, string> = {
    kicker: 'editor.kicker',
    headline: 'editor.headline',
    teaser: 'editor.teaser',
    'dateline.place': 'editor.datelinePlace',
    'dateline.source': 'editor.datelineSource',
    slugline: 'editor.slugline',
    edNote: 'editor.edNote',
    notes: 'editor.notes',
    'lead.caption': 'desk.leadCaption'
  }
  return { key: keys[path] ?? path }
}

/** The id of the input that edits a field path, or null where there is none (byline chips). */
export function fieldInputId(path: string): string | null {
  const gallery = /^galleries\.(\d+)\.items\.(\d+)\.caption$/.exec(path)
  if (gallery) return `gallery-${gallery[1]}-item-${gallery[2]}-caption`
  const ids: Record<string, string> = {
    kicker: 'field-kicker',
    headline: 'field-headline',
    teaser: 'field-teaser',
    'dateline.place': 'field-place',
    'dateline.source': 'field-source',
    slugline: 'field-slugline',
    edNote: 'field-ednote',
    notes: 'field-notes',
    'lead.caption': 'lead-caption'
  }
  return ids[path] ?? null
}
