import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { test, expect } from './fixtures'

const CLI = resolve(__dirname, '../out/cli/index.js')

function cli(libraryDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--library', libraryDir, ...args], {
    encoding: 'utf8'
  })
}

test('Export… of a published story: a correction is the next version, a withdrawal sends a kill package, reinstate opens it again', async ({
  page,
  harness
}) => {
  // A story published once elsewhere comes in as a package, keeping its version 1.
  const source = join(harness.libraryDir, '..', `${Date.now()}-publication-source`)
  const bodyFile = join(harness.libraryDir, '..', `${Date.now()}-publication-body.txt`)
  await writeFile(bodyFile, 'Der Stadtrat hat den Haushalt mit 12 Millionen Euro beschlossen.\n')
  const id = cli(
    source,
    'new',
    '--headline',
    'Stadtrat beschließt Haushalt',
    '--byline',
    'Anna Beispiel',
    '--teaser',
    'Der Etat steht.',
    '--body-file',
    bodyFile
  ).trim()
  cli(source, 'export', id, '--out', join(source, 'v1.zip'))
  await page.goto(harness.url)
  await page.getByTestId('package-input').setInputFiles(join(source, 'v1.zip'))
  await expect(page.getByLabel('Headline')).toHaveValue('Stadtrat beschließt Haushalt')

  const dialog = page.getByRole('dialog', { name: 'Export package' })
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog).toContainText('Last published: version 1.')
  await expect(dialog).toContainText('goes out as version 2')
  await dialog
    .getByLabel('Public correction (optional)')
    .fill('Der Etat umfasst 12, nicht 21 Millionen.')
  await dialog.getByRole('button', { name: 'Export correction' }).click()
  await expect(dialog.getByText(/Exported \d+ files/)).toBeVisible()
  await expect(dialog).toContainText('Version 2 — correction')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Export…' }).click()
  await dialog.getByRole('button', { name: 'Withdraw story…' }).click()
  const withdraw = page.getByRole('dialog', { name: 'Withdraw story' })
  await expect(withdraw).toContainText('kill package (version 3)')
  const go = withdraw.getByRole('button', { name: 'Withdraw and export kill package' })
  await expect(go).toBeDisabled()
  await withdraw.getByLabel('Public notice').fill('Diese Meldung ist zurückgezogen.')
  await withdraw.getByLabel('Internal reason (stays in the library)').fill('Zahl nicht belegt')
  await go.click()
  await expect(dialog).toContainText('Version 3 — withdrawal')
  await expect(dialog.locator('code')).toContainText('-kill.zip')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Withdrawn: the dialog says so and offers only to reinstate; the library says it too.
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog).toContainText('This story was withdrawn on')
  await expect(dialog).toContainText('Diese Meldung ist zurückgezogen.')
  await page.screenshot({ path: 'test-results/p17-export-withdrawn.png' })
  await dialog.getByRole('button', { name: 'Reinstate' }).click()
  await expect(dialog).toContainText('Last published: version 3.')
  await expect(dialog.getByRole('button', { name: 'Withdraw story…' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The history lists what receivers got, newest first, beside the saved versions.
  await page.getByRole('button', { name: 'History' }).click()
  const published = page
    .getByRole('dialog', { name: 'Saved versions' })
    .getByRole('region', { name: 'Published versions' })
  await expect(published.getByRole('listitem')).toHaveText([
    /^Version 3 · withdrawal · /,
    /^Version 2 · correction · /,
    /^Version 1 · first publication · /
  ])
  await page
    .getByRole('dialog', { name: 'Saved versions' })
    .getByRole('button', { name: 'Close' })
    .click()

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await page.getByRole('button', { name: 'Exportieren…' }).click()
  const de = page.getByRole('dialog', { name: 'Paket exportieren' })
  await expect(de).toContainText('Zuletzt veröffentlicht: Version 3.')
  await expect(de.getByLabel('Öffentliche Korrektur (optional)')).toBeVisible()
  await de.getByRole('button', { name: 'Geschichte zurückziehen…' }).click()
  await expect(page.getByRole('dialog', { name: 'Geschichte zurückziehen' })).toContainText(
    'Rückzugspaket (Version 4)'
  )
  await page.screenshot({ path: 'test-results/p17-export-withdraw-de.png' })
})
