import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'

/**
 * Follows a document position through the transactions that happen while something slow runs
 * (an import): `stop()` gives the position mapped through all of them and stops listening. So
 * figures land where the drop happened even if the reporter typed above it meanwhile.
 */
export function trackPosition(editor: Editor, pos: number): { stop(): number } {
  let current = pos
  const handleTransaction = ({ transaction }: { transaction: Transaction }): void => {
    current = transaction.mapping.map(current)
  }
  editor.on('transaction', handleTransaction)
  return {
    stop: () => {
      editor.off('transaction', handleTransaction)
      return current
    }
  }
}
