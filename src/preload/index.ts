import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { apiChannels, apiEvents, ASSET_SCHEME } from '../shared/channels'
import type { NewsroomApi, NewsroomEvents } from '../shared/ipc'

type IpcVerbs = Omit<NewsroomApi, 'assetUrl' | keyof NewsroomEvents>

// One named verb per channel; the renderer never sees ipcRenderer or a generic invoke.
const verbs = Object.fromEntries(
  Object.entries(apiChannels).map(([verb, channel]) => [
    verb,
    (input?: unknown) => ipcRenderer.invoke(channel, input)
  ])
) as unknown as IpcVerbs

// One `on…` verb per event from main. The handler gets the payload only, never the IPC event
// (whose `sender` would hand the page ipcRenderer); the returned function unsubscribes.
const events = Object.fromEntries(
  Object.entries(apiEvents).map(([verb, channel]) => [
    verb,
    (handler: (payload: unknown) => void) => {
      if (typeof handler !== 'function') throw new TypeError(`${verb} needs a function`)
      const listener = (_event: IpcRendererEvent, payload: unknown): void => handler(payload)
      ipcRenderer.on(channel, listener)
      return () => {
        ipcRenderer.removeListener(channel, listener)
      }
    }
  ])
) as unknown as NewsroomEvents

const api: NewsroomApi = {
  ...verbs,
  ...events,
  assetUrl: (assetId, rendition) =>
    `${ASSET_SCHEME}://asset/${encodeURIComponent(assetId)}/${encodeURIComponent(rendition)}`
}

contextBridge.exposeInMainWorld('newsroom', Object.freeze(api))
