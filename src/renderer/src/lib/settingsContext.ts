import { createContext, useContext } from 'react'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'

export const SettingsContext = createContext<Settings>(DEFAULT_SETTINGS)

/** The user's settings as last loaded or saved. */
export function useSettings(): Settings {
  return useContext(SettingsContext)
}
