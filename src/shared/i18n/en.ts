/** English UI text. Keys must match de.ts exactly (a test checks). */
export const en = {
  app: {
    name: 'Copydesk',
    library: 'Library',
    settings: 'Settings',
    back: 'Back to library'
  },
  library: {
    title: 'Drafts',
    newArticle: 'New article',
    empty: 'No drafts yet',
    emptyHint: 'Start a story: your drafts are saved on this computer, with or without a network.',
    search: 'Search drafts',
    statusFilter: 'Status',
    allStatuses: 'All',
    untitled: 'Untitled draft',
    words_one: '{{count}} word',
    words_other: '{{count}} words',
    updated: 'Updated {{when}}',
    count_one: '{{count}} draft',
    count_other: '{{count}} drafts',
    noMatch: 'No drafts match this search',
    loadFailed: 'Could not load the library: {{message}}'
  },
  status: {
    draft: 'Draft',
    editing: 'Editing',
    ready: 'Ready',
    exported: 'Exported'
  },
  editor: {
    slugline: 'Slugline',
    tags: 'Tags',
    tagsHint: 'Add a tag and press Enter',
    edNote: 'Note to the desk',
    notes: 'Internal notes (never exported)',
    publishedAt: 'Publication date',
    embargoedUntil: 'Embargo until',
    timeZone: 'Time zone',
    date: 'Date',
    time: 'Time',
    clear: 'Clear',
    addName: 'Add a name and press Enter',
    remove: 'Remove {{name}}',
    moveEarlier: 'Move {{name}} earlier',
    moveLater: 'Move {{name}} later',
    counter: '{{count}} / {{limit}}',
    overLimit: '{{over}} characters over the limit of {{limit}}',
    sectionPeople: 'Byline and dateline',
    sectionTiming: 'Timing',
    sectionFiling: 'Filing',
    kicker: 'Kicker',
    headline: 'Headline',
    teaser: 'Teaser',
    bylines: 'Byline',
    bylinesHint: 'Names, separated by commas',
    datelinePlace: 'Dateline',
    datelineSource: 'Source',
    body: 'Body',
    language: 'Article language',
    status: 'Status',
    saving: 'Saving…',
    saved: 'Saved {{time}}',
    unsaved: 'Unsaved changes',
    saveFailed: 'Not saved: {{message}}',
    loadFailed: 'Could not open this article: {{message}}',
    conflict: 'This article was changed elsewhere.'
  },
  settings: {
    title: 'Settings',
    uiLanguage: 'Interface language',
    followSystem: 'Follow the system ({{locale}})',
    german: 'Deutsch',
    english: 'English',
    libraryFolder: 'Library folder',
    version: 'Version {{version}}',
    close: 'Close'
  },
  languages: {
    de: 'German (Germany)',
    'de-AT': 'German (Austria)',
    'de-CH': 'German (Switzerland)',
    'en-GB': 'English (UK)',
    'en-US': 'English (US)'
  }
}

/** The shape every UI language must have. */
export type UiStrings = typeof en
