import { contextBridge, ipcRenderer } from 'electron'
import { apiChannels, ASSET_SCHEME } from '../shared/channels'
import type { NewsroomApi } from '../shared/ipc'

type IpcVerbs = Omit<NewsroomApi, 'assetUrl'>

// One named verb per channel; the renderer never sees ipcRenderer or a generic invoke.
const verbs = Object.fromEntries(
  Object.entries(apiChannels).map(([verb, channel]) => [
    verb,
    (input?: unknown) => ipcRenderer.invoke(channel, input)
  ])
) as unknown as IpcVerbs

const api: NewsroomApi = {
  ...verbs,
  assetUrl: (assetId, rendition) =>
    `${ASSET_SCHEME}://asset/${encodeURIComponent(assetId)}/${encodeURIComponent(rendition)}`
}

contextBridge.exposeInMainWorld('newsroom', Object.freeze(api))
