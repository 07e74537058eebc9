import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import { dirname } from 'node:path'
import type { Rect } from './bounds'

const STATE_VERSION = 1
// A real state file is under 100 bytes; anything huge is not ours and is not worth parsing.
const MAX_STATE_BYTES = 64 * 1024

interface StoredWindowState {
  version: typeof STATE_VERSION
  bounds: Rect
}

/**
 * The window bounds saved by `saveWindowState`, or null when the file is missing, unreadable,
 * corrupt or holds anything but four finite numbers with a positive size. Never throws: a bad
 * state file must not keep the editor from opening.
 */
export function loadWindowState(file: string): Rect | null {
  let text: string
  try {
    const buffer = readFileSync(file)
    if (buffer.length > MAX_STATE_BYTES) return null
    text = buffer.toString('utf8')
  } catch {
    return null
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const state = parsed as Partial<Record<keyof StoredWindowState, unknown>>
  if (state.version !== STATE_VERSION) return null
  return toRect(state.bounds)
}

/**
 * Saves window bounds to `file` (creating its folder) so that a crash mid-write leaves either
 * the old or the new state: the JSON goes to a uniquely named temp file beside it, is flushed to
 * disk and then renamed over the target. Throws on invalid bounds or a failed write.
 */
export function saveWindowState(file: string, rect: Rect): void {
  const bounds = toRect(rect)
  if (bounds === null) throw new TypeError('Window bounds must be finite with a positive size')
  const state: StoredWindowState = { version: STATE_VERSION, bounds }

  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, `${JSON.stringify(state)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

function toRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, width, height } = value as Record<string, unknown>
  if (!isFiniteNumber(x) || !isFiniteNumber(y)) return null
  if (!isFiniteNumber(width) || !isFiniteNumber(height)) return null
  if (width <= 0 || height <= 0) return null
  return { x, y, width, height }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
