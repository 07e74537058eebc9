import type { NewsroomApi } from '../shared/ipc'

declare global {
  interface Window {
    /** The Copydesk bridge: typed verbs only (see src/shared/ipc.ts). */
    newsroom: NewsroomApi
  }
}

export {}
