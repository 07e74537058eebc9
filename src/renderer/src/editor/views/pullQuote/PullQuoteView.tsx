import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { cssString } from '../cssString'

/**
 * A pull quote in the body: the quote and its attribution are the node's content (edited in
 * place, with the shared keymaps); the view adds a label, greyed placeholders for empty parts
 * and a remove button.
 */
export function PullQuoteView({
  node,
  deleteNode,
  selected
}: ReactNodeViewProps): React.JSX.Element {
  const { t } = useTranslation()
  const isQuoteEmpty = (node.child(0)?.content.size ?? 0) === 0
  const isAttributionEmpty = (node.child(1)?.content.size ?? 0) === 0
  return (
    <NodeViewWrapper
      as="figure"
      className={[
        'pull-quote-view',
        selected ? 'is-selected' : '',
        isQuoteEmpty ? 'is-quote-empty' : '',
        isAttributionEmpty ? 'is-attribution-empty' : ''
      ].join(' ')}
      aria-label={t('desk.pullQuote')}
      data-node-id={typeof node.attrs.nodeId === 'string' ? node.attrs.nodeId : undefined}
      style={
        {
          '--quote-placeholder': cssString(t('desk.quotePlaceholder')),
          '--attribution-placeholder': cssString(t('desk.attributionPlaceholder'))
        } as React.CSSProperties
      }
    >
      <div className="pull-quote-head" contentEditable={false} draggable data-drag-handle>
        <span className="pull-quote-tag">{t('desk.pullQuote')}</span>
        <button
          type="button"
          className="figure-remove"
          aria-label={t('desk.removePullQuote')}
          title={t('desk.removePullQuote')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={deleteNode}
        >
          ×
        </button>
      </div>
      <NodeViewContent className="pull-quote-slot" />
    </NodeViewWrapper>
  )
}
