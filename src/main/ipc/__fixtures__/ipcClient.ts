import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel } from '../../../shared/channels'
import type { Result } from '../../../shared/result'
import { openServices, type Services } from '../../services'
import { createHandlerTable, type BoundHandler, type ShellContext } from '../handlerTable'

/** A fresh library in a temp folder, and the handler table over it as the renderer reaches it. */
export interface IpcClient {
  root: string
  libraryDir: string
  services: Services
  /** The handler table `call` goes through. */
  table: ReadonlyMap<Channel, BoundHandler>
  /** Exactly what Electron's ipcMain and the harness call: raw input, validated in the table. */
  call<T>(channel: Channel, input?: unknown): Promise<Result<T>>
  /** `call`, unwrapped; a failure throws with its code and message. */
  value<T>(channel: Channel, input?: unknown): Promise<T>
  /** Another handler table over the same services, as a second window would reach them. */
  otherWindow(): Caller
  close(): Promise<void>
}

type Caller = <T>(channel: Channel, input?: unknown) => Promise<Result<T>>

function callerOf(table: ReadonlyMap<Channel, BoundHandler>): Caller {
  return async <T>(channel: Channel, input?: unknown): Promise<Result<T>> => {
    const handler = table.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return (await handler(input)) as Result<T>
  }
}

export async function openIpcClient(
  prefix: string,
  opts: {
    shell?: ShellContext
    /** Reopen the library in this folder (e.g. after a test damaged its files) instead of a new one. */
    root?: string
  } = {}
): Promise<IpcClient> {
  const root = opts.root ?? (await mkdtemp(join(tmpdir(), prefix)))
  const libraryDir = join(root, 'library')
  const services = await openServices({ libraryDir, version: 't', systemLocale: 'de' })
  const newTable = (): ReadonlyMap<Channel, BoundHandler> =>
    createHandlerTable(services, () => undefined, opts.shell)
  const table = newTable()
  const call = callerOf(table)
  return {
    root,
    libraryDir,
    services,
    table,
    call,
    value: async <T>(channel: Channel, input?: unknown): Promise<T> => {
      const result = await call<T>(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
      return result.value
    },
    otherWindow: () => callerOf(newTable()),
    close: async () => {
      await services.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}
