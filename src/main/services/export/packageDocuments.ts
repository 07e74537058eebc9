import {
  renderArticleDocument,
  type RenderDocumentOptions
} from '../../../shared/editor/renderArticle'
import { packageVersionOf } from '../../../shared/publication'
import {
  PACKAGE_FILES,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageSource
} from '../../../shared/packageFormat'
import { buildNewsml } from './newsml'
import { buildNinjs } from './ninjs'
import type { PackageModel, RenditionName } from './packageModel'

/** The files written for each image, in the order the package holds them. */
export const RENDITIONS: readonly RenditionName[] = ['original', 'preview', 'thumb']

/**
 * One text document of a package: its name inside the ZIP, how it is made from the package plan
 * and how its correctness is checked (the tests that hold it to its format).
 */
export interface PackageDocument {
  path: string
  build(model: PackageModel): string
  /** What holds the document to its format. */
  checkedBy: string
}

function firstPerAsset(model: PackageModel): PackageModel['images'] {
  const seen = new Set<string>()
  return model.images.filter((image) => !seen.has(image.assetId) && seen.add(image.assetId))
}

function sourceDocument(model: PackageModel): PackageSource {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    generator: model.generator,
    exportedAt: model.exportedAt,
    article: model.article,
    // One entry per asset (its first set of files): uses with texts of their own share the
    // asset, and import takes each asset once.
    assets: firstPerAsset(model).map((image) => ({
      record: image.record,
      files: image.paths,
      protected: image.protect,
      removed: image.removed
    }))
  }
}

function htmlDocument(model: PackageModel): string {
  const byId = new Map(firstPerAsset(model).map((i) => [i.assetId, i]))
  return renderArticleDocument(model.article, {
    // Every image by its relative path in the package: the page loads nothing from outside.
    imageSrc: (assetId, rendition) => {
      const image = byId.get(assetId)
      if (!image) return ''
      return image.paths[rendition === 'original' ? 'original' : rendition]
    },
    asset: (assetId) => {
      const image = byId.get(assetId)
      if (!image) return null
      return {
        ...image.record.metadata,
        width: image.record.renditions.preview.width,
        height: image.record.renditions.preview.height
      }
    },
    creditTemplate: model.creditTemplate,
    versions: htmlVersions(model)
  })
}

/** An update or correction shows when it came out; every version shows the corrections so far. */
function htmlVersions(model: PackageModel): NonNullable<RenderDocumentOptions['versions']> {
  const v = packageVersionOf(model.article)
  return {
    updatedAt: v.version > 1 ? v.versionCreated : null,
    corrections: v.corrections
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/**
 * The documents of a package in the order they are written, after the images and before the
 * manifest. The export's progress total counts this list, so a new format is one entry here.
 */
export const PACKAGE_DOCUMENTS: readonly PackageDocument[] = [
  {
    path: PACKAGE_FILES.source,
    build: (model) => json(sourceDocument(model)),
    checkedBy: 'packageSourceSchema when the package is imported'
  },
  {
    path: PACKAGE_FILES.ninjs,
    build: (model) => json(buildNinjs(model)),
    checkedBy: 'the IPTC ninjs 3.1 JSON schema (exportPackage.test.ts)'
  },
  {
    path: PACKAGE_FILES.newsml,
    build: (model) => buildNewsml(model),
    checkedBy: 'the NewsML-G2 2.35 XSD (exportPackage.test.ts)'
  },
  {
    path: PACKAGE_FILES.html,
    build: (model) => htmlDocument(model),
    checkedBy: 'a standalone page that loads nothing from outside (exportPackage.test.ts)'
  }
]
