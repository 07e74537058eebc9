import { useTranslation } from 'react-i18next'
import type { FocalPoint } from '../../../../shared/asset'

interface FocalPhotoProps {
  src: string
  alt: string
  /** The photo's displayed size (EXIF orientation applied), for its shape before it loads. */
  width: number
  height: number
  focal: FocalPoint | null
  onFocal(focal: FocalPoint | null, opts?: { immediate?: boolean }): void
  /** The photo lost focus: a move the arrow keys made is saved now rather than later. */
  onLeave(): void
}

/** Tallest the photo is shown in the side panel (px). */
const MAX_HEIGHT = 300
const STEP = 0.01
const BIG_STEP = 0.1

const clamp = (n: number): number => Math.min(1, Math.max(0, n))

/**
 * The side panel's photo, where the focal point is set: a click puts it where the pointer is;
 * with the photo focused, the arrow keys move it (Shift: ten times as far), Enter or Space puts
 * it in the middle when there is none, and Delete or Backspace removes it. The frame has the
 * photo's own shape, so a fraction of the frame is a fraction of the photo.
 */
export function FocalPhoto({
  src,
  alt,
  width,
  height,
  focal,
  onFocal,
  onLeave
}: FocalPhotoProps): React.JSX.Element {
  const { t } = useTranslation()

  const handleClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    const box = event.currentTarget.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) return
    onFocal(
      {
        x: clamp((event.clientX - box.left) / box.width),
        y: clamp((event.clientY - box.top) / box.height)
      },
      { immediate: true }
    )
  }

  const handleKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const step = event.shiftKey ? BIG_STEP : STEP
    const from = focal ?? { x: 0.5, y: 0.5 }
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step]
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      onFocal({ x: clamp(from.x + move[0]), y: clamp(from.y + move[1]) })
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      if (focal) onFocal(null, { immediate: true })
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      if (!focal) onFocal({ x: 0.5, y: 0.5 }, { immediate: true })
    }
  }

  return (
    <div className="focal-frame">
      <div
        className="focal-target"
        role="button"
        tabIndex={0}
        aria-label={t('focal.photo')}
        aria-describedby="asset-focal-hint"
        style={{
          aspectRatio: `${width} / ${height}`,
          width: `min(100%, ${Math.round((MAX_HEIGHT * width) / height)}px)`
        }}
        onClick={handleClick}
        onKeyDown={handleKeyDown}
        onBlur={onLeave}
      >
        <img src={src} alt={alt} draggable={false} />
        {focal && (
          <span
            className="focal-marker"
            aria-hidden="true"
            style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }}
          />
        )}
      </div>
    </div>
  )
}
