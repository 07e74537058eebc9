import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CopydeskError } from '../shared/result'
import type { Services } from '../main/services'
import type { CliIo } from './cliIo'

/** Parses one command's own options strictly; a bad flag is a usage error (exit 2). */
export function parse<T extends ParseArgsConfig['options']>(
  command: string,
  args: string[],
  options: T
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CopydeskError('invalid-input', `${command}: ${(error as Error).message}`)
  }
}

/** The single article id a command takes. */
export function oneId(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new CopydeskError('invalid-input', `${command} needs exactly one article id`)
  }
  return positionals[0]
}

/** A command: its arguments after the name, and the context; returns the exit code. */
export type Command = (args: string[], ctx: CommandContext) => Promise<number>

/** What every command gets: output, the --json flag, and the core opened on demand. */
export interface CommandContext {
  io: CliIo
  json: boolean
  /**
   * The core, opened on the first call. `write` (default) owns the library's lock for the
   * command and is refused (exit 4) while the app holds it; `read` takes no lock, works while
   * the app runs, and refuses every change.
   */
  services(access?: 'read' | 'write'): Promise<Services>
}

/** One JSON value on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}
