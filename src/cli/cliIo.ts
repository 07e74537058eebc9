/** Where a command writes; the tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: Record<string, string | undefined>
  cwd: string
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  cwd: process.cwd()
}

// C0 controls but tab and line feed, DEL, and C1 controls: a terminal takes them as commands
// (ESC and CSI sequences clear the screen, OSC sets the window title, BEL rings).
function isUnsafeControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)
}

function escapeCode(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * `text` with every control character a terminal would act on written out visibly as `\u001b`
 * (the JSON escape, so JSON output stays valid and means the same); tab and line feed stay.
 */
export function escapeControls(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!isUnsafeControl(code)) continue
    out += text.slice(from, i) + escapeCode(code)
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

/** A value for one line of output: as {@link escapeControls}, and tab and line feed too. */
export function oneLine(text: string): string {
  return escapeControls(text).replace(/[\t\n]/g, (c) => escapeCode(c.charCodeAt(0)))
}

/** The same streams, with control characters escaped in everything written to them. */
export function terminalSafe(io: CliIo): CliIo {
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) => io.err(escapeControls(text)),
    env: io.env,
    cwd: io.cwd
  }
}
