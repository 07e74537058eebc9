import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary } from './electronBinary'

const binary = electronBinary()
const reason =
  'no Electron binary in node_modules/electron (its download needs github.com); ' +
  'these specs run wherever `npx electron --version` works'
if (!binary) console.log(`[electron specs skipped] ${reason}`)

test.describe('the desktop app', () => {
  test.skip(!binary, reason)

  test('creates a draft, keeps its headline over a restart, lists it', async () => {
    const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-electron-'))
    const main = resolve(__dirname, '../../out/main/index.js')
    try {
      let app = await electron.launch({
        executablePath: binary ?? undefined,
        args: [main, '--library', libraryDir]
      })
      let page = await app.firstWindow()
      await page
        .getByRole('button', { name: /New article|Neuer Artikel/ })
        .first()
        .click()
      await page.getByLabel(/Headline|Überschrift/).fill('Koalition einigt sich')
      await expect(page.getByRole('status')).toHaveText(/(Saved|Gespeichert) \d\d:\d\d/)
      const security = await page.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { newsroom: object }).newsroom).sort()
      }))
      expect(security.hasRequire).toBe('undefined')
      expect(security.hasProcess).toBe('undefined')
      expect(security.bridge).not.toContain('invoke')
      await app.close()

      app = await electron.launch({
        executablePath: binary ?? undefined,
        args: [main, '--library', libraryDir]
      })
      page = await app.firstWindow()
      await expect(page.getByText('Koalition einigt sich')).toBeVisible()
      await app.close()
    } finally {
      await rm(libraryDir, { recursive: true, force: true })
    }
  })
})
