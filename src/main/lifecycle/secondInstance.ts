/** What the first instance does when Copydesk is started again. */
export type SecondInstanceAction =
  { kind: 'focus' } | { kind: 'other-library'; requested: string; open: string }

/** The data a second start hands over (`requestSingleInstanceLock(data)`). */
export interface HandoffData {
  /** The absolute library folder the second start asked for (`--library`), or null. */
  library: string | null
}

/**
 * Decides from a second start's hand-over data: the same library (or none asked for) brings the
 * open window forward; another library cannot be opened beside the one in use, and the user is
 * told why. Anything that is not well-formed hand-over data counts as "none asked for".
 */
export function secondInstanceAction(
  data: unknown,
  openLibrary: string,
  samePath: (a: string, b: string) => boolean
): SecondInstanceAction {
  const requested =
    typeof data === 'object' && data !== null && 'library' in data
      ? (data as { library: unknown }).library
      : null
  if (typeof requested !== 'string' || requested === '' || requested.length > 4096) {
    return { kind: 'focus' }
  }
  if (samePath(requested, openLibrary)) return { kind: 'focus' }
  return { kind: 'other-library', requested, open: openLibrary }
}
