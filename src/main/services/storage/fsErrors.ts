/**
 * File-system failures in one place: the errno code of an error, the reason a user reads for the
 * common codes, and whether a process named in a lock or a leftover file still runs.
 */

/** The errno code of a failure (`ENOSPC`, `EPERM`...), or undefined when it carries none. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

/** The message of a failure, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied'
}

/** Codes that mean the folder may be read but not written. */
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM'])

/**
 * What went wrong, in words a user reads: the reason for a full disk, a read-only file system or
 * missing permission, else the failure's own message.
 */
export function ioReason(error: unknown): string {
  return REASONS[errnoCode(error) ?? ''] ?? messageOf(error)
}

/** Whether a failure means writing is not allowed here (read-only file system, no permission). */
export function isReadOnlyError(error: unknown): boolean {
  return READ_ONLY_CODES.has(errnoCode(error) ?? '')
}

/**
 * Whether a process with this pid runs on this machine. EPERM means it runs under another user;
 * a pid the system cannot address (not a positive 32-bit integer) names no process.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errnoCode(error) === 'EPERM'
  }
}
