import type { Command } from '../command'
import { articleCommands } from './articles'
import { assetEditCommands } from './asset'
import { assetCommands } from './assets'
import { exportCommands } from './export'
import { libraryCommands } from './library'
import { updateCommands } from './update'
import { versionCommands } from './versions'
import { wordCommands } from './words'

/** Every CLI command by name. Add a command file and spread it in here. */
export const commands: Record<string, Command> = {
  ...articleCommands,
  ...assetCommands,
  ...assetEditCommands,
  ...exportCommands,
  ...libraryCommands,
  ...updateCommands,
  ...versionCommands,
  ...wordCommands
}
