import type { Command } from '../command'
import { articleCommands } from './articles'

/** Every CLI command by name. Add a command file and spread it in here. */
export const commands: Record<string, Command> = {
  ...articleCommands
}
