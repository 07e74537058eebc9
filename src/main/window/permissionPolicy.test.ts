import { describe, expect, it } from 'vitest'
import { permissionDecision } from './permissionPolicy'

// Every permission name Electron 45 types for setPermissionRequestHandler.
const electronPermissions = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown'
]

describe('permissionDecision', () => {
  it.each(electronPermissions)('denies %s', (permission) => {
    expect(permissionDecision(permission)).toBe(false)
  })

  it('denies names Electron may add later and odd input', () => {
    for (const permission of ['', 'camera', 'bluetooth', '__proto__', 'constructor', 'toString']) {
      expect(permissionDecision(permission)).toBe(false)
    }
  })
})
