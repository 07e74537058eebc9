import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Channel } from '../../shared/channels'
import { fail } from '../../shared/result'
import { isTrustedSender } from '../window/senderPolicy'
import type { BoundHandler } from './handlerTable'

/** Registers the handler table with ipcMain; calls from any other frame are refused. */
export function registerIpc(
  table: ReadonlyMap<Channel, BoundHandler>,
  trusted: { rendererUrl: string }
): void {
  for (const [channel, handler] of table) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
      if (!isTrustedSender(sender, trusted)) {
        return fail('forbidden', `Refused ${channel} from an untrusted frame`)
      }
      return handler(input)
    })
  }
}
