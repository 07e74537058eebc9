// Copydesk works offline on local files: it needs no camera, microphone, location, notifications,
// MIDI, USB/HID/serial devices, fullscreen or pointer lock from the web platform. Copying goes
// through the native Edit menu / Ctrl+C, which asks for no permission; only the async
// `navigator.clipboard` API would ask (`clipboard-sanitized-write`, `clipboard-read`), and the
// renderer must not use it. Links never open from the page itself (`openExternal` permission)
// but through the window-open handler and `isSafeExternalUrl`. An entry added here widens what
// any page in the window, including injected content, can do: it needs a reason in review.
const GRANTED: ReadonlySet<string> = new Set<string>()

/**
 * The answer to a web permission request or check (`session.setPermissionRequestHandler`,
 * `setPermissionCheckHandler`): every permission is denied.
 */
export function permissionDecision(permission: string): boolean {
  return GRANTED.has(permission)
}
