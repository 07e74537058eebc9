import type { Command } from '../command'
import { articleCommands } from './articles'
import { assetCommands } from './assets'
import { wordCommands } from './words'

/** Every CLI command by name. Add a command file and spread it in here. */
export const commands: Record<string, Command> = {
  ...articleCommands,
  ...assetCommands,
  ...wordCommands
}
