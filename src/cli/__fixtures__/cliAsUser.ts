/**
 * Runs copydesk commands as another user, in-process: started as root, it loads every module
 * first, then drops to the given uid and gid and runs the commands one after the other. Loading
 * first means the checkout may live where that user cannot enter (root's home, a `mktemp -d`
 * folder): only the library has to be readable. Prints a JSON array of
 * `{ uid, code, stdout, stderr }`, one per command.
 *
 * Usage: node --import tsx cliAsUser.ts UID GID CWD '[["list"], ["show", "ID"]]'
 */
import { writeSync } from 'node:fs'
import type { CliIo } from '../cliIo'
import { runCli } from '../run'

async function main(): Promise<void> {
  const [uid, gid, cwd, commands] = process.argv.slice(2)
  if (!commands) throw new Error('usage: cliAsUser.ts UID GID CWD JSON-ARRAY-OF-ARGV')
  process.setgroups?.([])
  process.setgid?.(Number(gid))
  process.setuid?.(Number(uid))
  process.chdir(cwd as string)
  const results: { uid: number | undefined; code: number; stdout: string; stderr: string }[] = []
  for (const argv of JSON.parse(commands) as string[][]) {
    let stdout = ''
    let stderr = ''
    const io: CliIo = {
      out: (t) => (stdout += `${t}\n`),
      err: (t) => (stderr += `${t}\n`),
      env: {},
      cwd: cwd as string
    }
    const code = await runCli(argv, io)
    results.push({ uid: process.getuid?.(), code, stdout, stderr })
  }
  writeSync(1, JSON.stringify(results))
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exitCode = 1
})
