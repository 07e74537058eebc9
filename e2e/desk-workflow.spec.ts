import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, startHarnessProcess, stopHarnessProcess, test } from './fixtures'

async function newArticle(page: Page, url: string): Promise<string> {
  await page.goto(url)
  await page.getByRole('button', { name: 'New article' }).first().click()
  await expect(page.getByLabel('Headline')).toBeFocused()
  return new URL(page.url()).hash.replace('#/article/', '')
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByText(/^Saved \d\d:\d\d$/)).toBeVisible()
}

test('the checks panel lists what blocks export, and a click jumps to the field or the word', async ({
  page,
  harness
}) => {
  await newArticle(page, harness.url)
  const checks = page.getByRole('region', { name: 'Checks' })
  await expect(checks.getByRole('button', { name: /The article has no headline/ })).toBeVisible()
  await page.getByRole('textbox', { name: 'Body' }).click()
  await checks.getByRole('button', { name: /The article has no headline/ }).click()
  await expect(page.getByLabel('Headline')).toBeFocused()

  await page.getByLabel('Headline').fill('Koalition einigt sich')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('Der Bundestga hat am Abend abgestimmt.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Im Bundestga blieb es ruhig.')
  await saved(page)
  // One entry per word, with how often it occurs; the click goes to its first place.
  const typo = checks.getByRole('button', { name: /Unknown word: Bundestga/ })
  await expect(typo).toHaveText(/Unknown word: Bundestga \(2×\)/, { timeout: 20_000 })
  await expect(typo).toHaveCount(1)
  await expect(checks.getByText(/Bundestag/)).toBeVisible()
  await page.getByLabel('Headline').click()
  await typo.click()
  await expect(page.getByRole('textbox', { name: 'Body' })).toBeFocused()
  const caretIn = await page.evaluate(() => {
    const node = window.getSelection()?.anchorNode
    const element = node instanceof Element ? node : node?.parentElement
    return element?.closest('p')?.textContent
  })
  expect(caretIn).toBe('Der Bundestga hat am Abend abgestimmt.')
  await expect(checks.getByRole('button', { name: /The article has no headline/ })).toHaveCount(0)
})

test('Export… asks before forcing past errors and before replacing, then writes the package', async ({
  page,
  harness
}) => {
  await newArticle(page, harness.url)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export package' })
  await expect(dialog.getByText('The checks found errors')).toBeVisible()
  await expect(dialog.getByText('The article has no headline.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByLabel('Headline').fill('Stadtrat beschließt Haushalt')
  await page.getByLabel('Byline').fill('Anna Beispiel')
  await page.getByLabel('Byline').press('Enter')
  await page.getByRole('textbox', { name: 'Body' }).click()
  await page.keyboard.type('Der Etat ist beschlossen.')
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByText(/Exported \d+ files/)).toBeVisible()
  await expect(dialog.locator('code')).toContainText('.zip')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByLabel('Status')).toHaveValue('exported')

  // Typing after an export keeps saving (the export's new revision was taken over).
  await page.getByLabel('Teaser').fill('Nach langer Debatte steht der Etat.')
  await saved(page)

  await page.getByRole('button', { name: 'Export…' }).click()
  // A published story first says which version the export will be.
  await expect(dialog).toContainText('Last published: version 1.')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByText('A package with this name already exists')).toBeVisible()
  await dialog.getByRole('button', { name: 'Replace it' }).click()
  await expect(dialog.getByText(/Exported \d+ files/)).toBeVisible()
})

test.describe('history and conflicts', () => {
  let libraryDir: string
  let url: string
  let stop: () => Promise<void>

  test.beforeEach(async () => {
    libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-history-'))
    const started = await startHarnessProcess(libraryDir, ['--history-coalesce-ms', '0'])
    url = started.url
    stop = () => stopHarnessProcess(started.child)
  })
  test.afterEach(async () => {
    await stop()
    await rm(libraryDir, { recursive: true, force: true })
  })

  test('history lists versions, compares one with the current text and restores it', async ({
    page
  }) => {
    await newArticle(page, url)
    await page.getByLabel('Headline').fill('Erste Fassung')
    await saved(page)
    await page.getByLabel('Headline').fill('Zweite Fassung')
    await saved(page)

    await page.getByRole('button', { name: 'History' }).click()
    const dialog = page.getByRole('dialog', { name: 'Saved versions' })
    const versions = dialog.getByRole('list', { name: 'Saved versions' }).getByRole('button')
    await expect(versions.first()).toContainText('current')
    await versions.nth(1).click()
    // The comparison shows the words the current text replaced.
    await expect(dialog.locator('del', { hasText: 'Erste' })).toBeVisible()
    await dialog.getByRole('button', { name: 'Restore this version' }).click()
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByLabel('Headline')).toHaveValue('Erste Fassung')

    await page.getByRole('button', { name: 'History' }).click()
    await expect(
      dialog.getByRole('list', { name: 'Saved versions' }).getByRole('button')
    ).toHaveCount(4)
  })

  test('a stale save offers "Reload theirs" and "Keep mine as a copy"; nothing is overwritten', async ({
    page,
    context
  }) => {
    const id = await newArticle(page, url)
    await page.getByLabel('Headline').fill('Ursprung')
    await saved(page)

    const other = await context.newPage()
    await other.goto(`${url}#/article/${id}`)
    await other.getByLabel('Headline').fill('Fassung aus dem zweiten Fenster')
    await saved(other)

    await page.getByLabel('Headline').fill('Meine Fassung')
    const banner = page.locator('.conflict-banner')
    await expect(banner).toBeVisible()
    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click()
    await expect(page).not.toHaveURL(new RegExp(id))
    await expect(page.getByLabel('Headline')).toHaveValue('Meine Fassung')

    await other.reload()
    await expect(other.getByLabel('Headline')).toHaveValue('Fassung aus dem zweiten Fenster')

    await page.goto(`${url}#/article/${id}`)
    await expect(page.getByLabel('Headline')).toHaveValue('Fassung aus dem zweiten Fenster')
    await other.getByLabel('Headline').fill('Noch eine Fassung')
    await saved(other)
    await page.getByLabel('Headline').fill('Verworfen')
    await expect(banner).toBeVisible()
    await banner.getByRole('button', { name: 'Reload theirs' }).click()
    await expect(page.getByLabel('Headline')).toHaveValue('Noch eine Fassung')
  })
})
