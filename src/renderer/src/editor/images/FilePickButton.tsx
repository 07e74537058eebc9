import { useRef } from 'react'

interface FilePickButtonProps {
  label: string
  onFiles(files: File[]): void
  isMultiple?: boolean
  className?: string
  /** The hidden input, for callers that open the dialog themselves (the toolbar's shortcut). */
  inputRef?: React.RefObject<HTMLInputElement | null>
  /** Whether to show a button at all (the toolbar has its own). */
  hasButton?: boolean
}

/**
 * A button that opens the system file dialog for images. The bytes are read by the caller and
 * travel to the asset store through the bridge, so no path ever reaches the document.
 */
export function FilePickButton({
  label,
  onFiles,
  isMultiple = false,
  className = 'small',
  inputRef,
  hasButton = true
}: FilePickButtonProps): React.JSX.Element {
  const ownRef = useRef<HTMLInputElement>(null)
  const ref = inputRef ?? ownRef
  return (
    <>
      {hasButton && (
        <button type="button" className={className} onClick={() => ref.current?.click()}>
          {label}
        </button>
      )}
      <input
        ref={ref}
        type="file"
        accept="image/*"
        multiple={isMultiple}
        hidden
        tabIndex={-1}
        aria-label={label}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          // Cleared so that picking the same file again still fires a change.
          e.target.value = ''
          if (files.length) onFiles(files)
        }}
      />
    </>
  )
}
