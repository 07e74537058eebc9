import type { CliIo } from '../cliIo'
import { runCli } from '../run'

/** What one CLI run printed and returned. */
export interface Captured {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process against `library`, capturing stdout and stderr as a user sees them. */
export async function runCaptured(
  library: string,
  argv: string[],
  opts: { cwd: string; env?: Record<string, string> }
): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
    env: opts.env ?? {},
    cwd: opts.cwd
  }
  const code = await runCli(['--library', library, ...argv], io)
  return { code, stdout, stderr }
}
