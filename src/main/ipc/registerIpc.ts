import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Channel } from '../../shared/channels'
import { fail } from '../../shared/result'
import type { BoundHandler } from './handlerTable'

/** The frame an IPC call came from, as the sender check sees it; `null` when the frame is gone. */
export interface IpcSender {
  url: string
  isMainFrame: boolean
}

/**
 * Registers the handler table with ipcMain; calls from a frame `isTrusted` refuses get a
 * `forbidden` Result. The window layer decides what a trusted frame is, so the check comes in as a
 * parameter and this layer does not depend on the window folder.
 */
export function registerIpc(
  table: ReadonlyMap<Channel, BoundHandler>,
  isTrusted: (sender: IpcSender | null) => boolean
): void {
  for (const [channel, handler] of table) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
      if (!isTrusted(sender)) {
        return fail('forbidden', `Refused ${channel} from an untrusted frame`)
      }
      return handler(input)
    })
  }
}
