import type { UiStrings } from './en'

/** German UI text. */
export const de: UiStrings = {
  app: {
    name: 'Copydesk',
    library: 'Bibliothek',
    settings: 'Einstellungen',
    back: 'Zurück zur Bibliothek'
  },
  library: {
    title: 'Entwürfe',
    newArticle: 'Neuer Artikel',
    empty: 'Noch keine Entwürfe',
    emptyHint:
      'Fangen Sie eine Geschichte an: Entwürfe werden auf diesem Rechner gespeichert, mit oder ohne Netz.',
    search: 'Entwürfe durchsuchen',
    statusFilter: 'Status',
    allStatuses: 'Alle',
    untitled: 'Entwurf ohne Titel',
    words_one: '{{count}} Wort',
    words_other: '{{count}} Wörter',
    updated: 'Geändert {{when}}',
    count_one: '{{count}} Entwurf',
    count_other: '{{count}} Entwürfe',
    noMatch: 'Keine Entwürfe passen zu dieser Suche',
    loadFailed: 'Die Bibliothek konnte nicht geladen werden: {{message}}'
  },
  status: {
    draft: 'Entwurf',
    editing: 'In Bearbeitung',
    ready: 'Fertig',
    exported: 'Exportiert'
  },
  editor: {
    slugline: 'Stichwort',
    tags: 'Schlagwörter',
    tagsHint: 'Schlagwort eingeben und Enter drücken',
    edNote: 'Hinweis an die Redaktion',
    notes: 'Interne Notizen (werden nie exportiert)',
    publishedAt: 'Erscheinungsdatum',
    embargoedUntil: 'Sperrfrist bis',
    timeZone: 'Zeitzone',
    date: 'Datum',
    time: 'Uhrzeit',
    clear: 'Leeren',
    addName: 'Namen eingeben und Enter drücken',
    remove: '{{name}} entfernen',
    moveEarlier: '{{name}} nach vorn',
    moveLater: '{{name}} nach hinten',
    counter: '{{count}} / {{limit}}',
    overLimit: '{{over}} Zeichen über dem Limit von {{limit}}',
    sectionPeople: 'Autor:innen und Ortsmarke',
    sectionTiming: 'Zeitpunkt',
    sectionFiling: 'Ablage',
    kicker: 'Dachzeile',
    headline: 'Überschrift',
    teaser: 'Vorspann',
    bylines: 'Autor:innen',
    bylinesHint: 'Namen, durch Kommas getrennt',
    datelinePlace: 'Ortsmarke',
    datelineSource: 'Quelle',
    body: 'Text',
    language: 'Sprache des Artikels',
    status: 'Status',
    saving: 'Speichert…',
    saved: 'Gespeichert {{time}}',
    unsaved: 'Ungespeicherte Änderungen',
    saveFailed: 'Nicht gespeichert: {{message}}',
    loadFailed: 'Dieser Artikel konnte nicht geöffnet werden: {{message}}',
    conflict: 'Dieser Artikel wurde an anderer Stelle geändert.'
  },
  settings: {
    title: 'Einstellungen',
    uiLanguage: 'Sprache der Oberfläche',
    followSystem: 'Wie das System ({{locale}})',
    german: 'Deutsch',
    english: 'English',
    libraryFolder: 'Bibliotheksordner',
    version: 'Version {{version}}',
    close: 'Schließen'
  },
  languages: {
    de: 'Deutsch (Deutschland)',
    'de-AT': 'Deutsch (Österreich)',
    'de-CH': 'Deutsch (Schweiz)',
    'en-GB': 'Englisch (Großbritannien)',
    'en-US': 'Englisch (USA)'
  }
}
