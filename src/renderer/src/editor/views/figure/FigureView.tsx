import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { newsroom } from '../../../lib/newsroom'
import { useAssetEntry } from '../../assets/assetInfo'
import { OverrideInput } from '../../fields/OverrideInput'
import { cssString } from '../cssString'

interface FigureLabels {
  figure: string
  captionPlaceholder: string
  removeImage: string
  credit: string
  photographer: string
  alt: string
}

// An article opens with dozens of figures, each asking i18next for the same six labels; one
// lookup per interface language is enough (i18next's t() was most of a figure view's first render).
const labelsByLanguage = new Map<string, FigureLabels>()

function figureLabels(t: TFunction, language: string): FigureLabels {
  let labels = labelsByLanguage.get(language)
  if (!labels) {
    labels = {
      figure: t('desk.figure'),
      captionPlaceholder: t('desk.captionPlaceholder'),
      removeImage: t('desk.removeImage'),
      credit: t('desk.credit'),
      photographer: t('desk.photographer'),
      alt: t('desk.alt')
    }
    labelsByLanguage.set(language, labels)
  }
  return labels
}

/**
 * A figure in the body: the image (preview rendition from the asset store), the caption written
 * in place (the node's content; empty shows the asset's caption greyed), and small inputs for
 * the credit, photographer and alt text overrides, empty ones showing the asset's values greyed.
 */
export function FigureView({
  node,
  updateAttributes,
  deleteNode,
  selected
}: ReactNodeViewProps): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const labels = figureLabels(t, i18n.language)
  const assetId = String(node.attrs.assetId)
  const entry = useAssetEntry(assetId)
  const asset = entry.status === 'ready' ? entry.asset : undefined
  const meta = asset?.metadata
  const isCaptionEmpty = (node.firstChild?.content.size ?? 0) === 0
  const credit = (node.attrs.credit as string | null) ?? null
  const photographer = (node.attrs.photographer as string | null) ?? null
  const alt = (node.attrs.alt as string | null) ?? null
  const captionPlaceholder = meta?.caption ?? labels.captionPlaceholder
  const label = asset ? t('desk.figureLabel', { name: asset.originalName }) : labels.figure
  // What a finding's jump looks for: the figure by its node id, its inputs by their key.
  const nodeId = typeof node.attrs.nodeId === 'string' ? node.attrs.nodeId : undefined

  return (
    <NodeViewWrapper
      as="figure"
      className={[
        'figure-view',
        selected ? 'is-selected' : '',
        isCaptionEmpty ? 'is-caption-empty' : ''
      ].join(' ')}
      aria-label={label}
      data-node-id={nodeId}
      style={{ '--caption-placeholder': cssString(captionPlaceholder) } as React.CSSProperties}
    >
      <div className="figure-media" contentEditable={false} draggable data-drag-handle>
        {entry.status === 'missing' ? (
          <p className="figure-missing" role="alert">
            {t('desk.assetMissing', { id: assetId.slice(0, 12) })}
          </p>
        ) : (
          <img
            src={newsroom.assetUrl(assetId, 'preview')}
            alt={alt ?? meta?.alt ?? ''}
            width={asset?.renditions.preview.width}
            height={asset?.renditions.preview.height}
            loading="lazy"
            decoding="async"
            draggable={false}
          />
        )}
        <button
          type="button"
          className="figure-remove"
          aria-label={labels.removeImage}
          title={labels.removeImage}
          onMouseDown={(e) => e.preventDefault()}
          onClick={deleteNode}
        >
          ×
        </button>
      </div>
      <NodeViewContent className="figure-caption-slot" />
      <div className="figure-meta" contentEditable={false}>
        <OverrideInput
          label={labels.credit}
          value={credit}
          inherited={meta?.credit}
          onChange={(value) => updateAttributes({ credit: value.trim() === '' ? null : value })}
          jump={nodeId && `node:${nodeId}:credit`}
        />
        <OverrideInput
          label={labels.photographer}
          value={photographer}
          inherited={meta?.photographer}
          onChange={(value) =>
            updateAttributes({ photographer: value.trim() === '' ? null : value })
          }
        />
        <OverrideInput
          label={labels.alt}
          value={alt}
          inherited={meta?.alt}
          className="input override-input override-alt"
          jump={nodeId && `node:${nodeId}:alt`}
          onChange={(value) => updateAttributes({ alt: value.trim() === '' ? null : value })}
        />
      </div>
    </NodeViewWrapper>
  )
}
