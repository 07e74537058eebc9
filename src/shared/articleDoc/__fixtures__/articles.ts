import { ARTICLE_SCHEMA_VERSION, defaultArticleFields, type Article } from '../../article'
import { ASSET_A, ASSET_B, FULL_BODY } from '../../editor/__fixtures__/bodies'

export const ARTICLE_ID = '2f1c7a52-9d3e-4b8a-a1c4-5e6f7a8b9c0d'
export const ASSET_C = 'c'.repeat(64)

/** An article with every field set: every node and mark, lead, galleries, publication record. */
export function fullArticle(): Article {
  return {
    status: 'ready',
    language: 'en-GB',
    timeZone: 'America/New_York',
    kicker: 'Budget row',
    headline: 'Coalition agrees on a road-building compromise',
    teaser: 'After a long night the parties agreed.\nSecond line of the teaser.',
    bylines: ['Anna Beispiel', 'Jörg Müller', 'Zoë 😀 Smith'],
    dateline: { place: 'Washington, D.C.', source: '' },
    slugline: 'budget-roads',
    tags: ['Budget', 'Roads', 'Budget 2025'],
    edNote: '',
    notes: 'Check the figures with the ministry.\n\nTwo paragraphs of notes.',
    publishedAt: '2024-05-02T14:30:00-04:00',
    embargoedUntil: '2024-05-02T06:00:00.125Z',
    body: FULL_BODY,
    lead: {
      assetId: ASSET_A,
      caption: 'The chancellor',
      credit: '',
      photographer: null,
      alt: 'A man'
    },
    galleries: [
      {
        id: 'gal-1',
        name: 'Pictures of the day',
        items: [
          { assetId: ASSET_B, caption: null, credit: 'AP', photographer: null, alt: null },
          { assetId: ASSET_C, caption: '', credit: null, photographer: 'Kay', alt: '' },
          // The same photo twice in one gallery: two items.
          { assetId: ASSET_B, caption: 'Again', credit: null, photographer: null, alt: null }
        ]
      },
      { id: 'gal-2', name: null, items: [] },
      {
        id: 'gal-3',
        name: '',
        items: [{ assetId: ASSET_A, caption: null, credit: null, photographer: null, alt: null }]
      }
    ],
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: ARTICLE_ID,
    revision: 17,
    createdAt: '2024-05-01T09:00:00.000+02:00',
    updatedAt: '2024-05-02T15:01:02.345+02:00',
    importedFrom: {
      file: 'Paket vom Dienstag.zip',
      importedAt: '2024-05-01T09:00:00.000+02:00',
      revision: 1
    },
    publication: {
      firstCreated: '2024-05-02T14:30:00+02:00',
      versions: [
        {
          version: 1,
          kind: 'first',
          exportedAt: '2024-05-02T14:30:00+02:00',
          file: 'budget-v1.zip',
          pubStatus: 'usable',
          contentHash: 'e'.repeat(64),
          by: null
        },
        {
          version: 2,
          kind: 'correction',
          exportedAt: '2024-05-02T16:00:00+02:00',
          file: 'budget-v2.zip',
          pubStatus: 'usable',
          contentHash: 'f'.repeat(64),
          by: 'Anna'
        }
      ],
      corrections: [{ at: '2024-05-02T16:00:00+02:00', text: 'The sum was wrong.', version: 2 }],
      killed: null
    }
  }
}

/** A new draft: every nullable field null, every list empty, no publication, no import. */
export function nullArticle(): Article {
  return {
    ...defaultArticleFields(),
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: ARTICLE_ID,
    revision: 1,
    createdAt: '2024-05-01T09:00:00Z',
    updatedAt: '2024-05-01T09:00:00Z'
  }
}

/** Every nullable text as "" instead of null. */
export function emptyStringArticle(): Article {
  return {
    ...nullArticle(),
    kicker: '',
    headline: '',
    teaser: '',
    dateline: { place: '', source: '' },
    slugline: '',
    edNote: '',
    notes: '',
    lead: { assetId: ASSET_A, caption: '', credit: '', photographer: '', alt: '' },
    galleries: [{ id: 'g', name: '', items: [] }]
  }
}
