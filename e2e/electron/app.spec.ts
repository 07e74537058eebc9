import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { electronBinary } from './electronBinary'

const binary = electronBinary()
const reason =
  'no Electron binary in node_modules/electron (its download needs github.com); ' +
  'these specs run wherever `npx electron --version` works'
if (!binary) console.log(`[electron specs skipped] ${reason}`)

// The project root, as `npm start` launches it: package.json's `main` decides what runs.
const root = resolve(__dirname, '../..')

async function launch(userDataDir: string, libraryDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary ?? undefined,
    args: [root, `--user-data-dir=${userDataDir}`, '--library', libraryDir]
  })
}

/** Quits as Cmd/Ctrl+Q does (app.quit(), no window-all-closed first) and waits for the exit. */
async function quit(app: ElectronApplication): Promise<void> {
  const closed = new Promise<void>((done) => app.once('close', () => done()))
  await app.evaluate(({ app: electronApp }) => electronApp.quit())
  await closed
}

test.describe('the desktop app', () => {
  test.skip(!binary, reason)

  let scratch = ''
  test.beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'copydesk-electron-'))
  })
  test.afterEach(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  test('creates a draft, keeps its headline over a restart, lists it', async () => {
    const userData = join(scratch, 'user-data')
    const libraryDir = join(scratch, 'library')
    let app = await launch(userData, libraryDir)
    let page = await app.firstWindow()
    expect(page.url()).toBe('app://copydesk/index.html')
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
    expect(security.bridge).toContain('onFlushRequested')
    await quit(app)

    app = await launch(userData, libraryDir)
    page = await app.firstWindow()
    await expect(page.getByText('Koalition einigt sich')).toBeVisible()
    await quit(app)
  })

  test('type, quit at once, reopen: the last keystroke is there', async () => {
    const userData = join(scratch, 'user-data')
    const libraryDir = join(scratch, 'library')
    let app = await launch(userData, libraryDir)
    let page = await app.firstWindow()
    await page
      .getByRole('button', { name: /New article|Neuer Artikel/ })
      .first()
      .click()
    await page.getByLabel(/Headline|Überschrift/).fill('Gipfel in Wladiwostok')
    await page.getByRole('textbox', { name: /Body|Text/ }).click()
    await page.keyboard.type('Der letzte Satz vor dem Beenden.')
    // Well inside the autosave pause: only the flush on quit can save this.
    await quit(app)

    app = await launch(userData, libraryDir)
    page = await app.firstWindow()
    await page.getByText('Gipfel in Wladiwostok').first().click()
    await expect(page.getByRole('textbox', { name: /Body|Text/ })).toContainText(
      'Der letzte Satz vor dem Beenden.'
    )
    await quit(app)
  })
})
