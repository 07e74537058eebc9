import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { rawZip } from '../src/main/services/packages/__fixtures__/rawZip'
import { test, expect } from './fixtures'

const CLI = resolve(__dirname, '../out/cli/index.js')

function cli(libraryDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--library', libraryDir, ...args], {
    encoding: 'utf8'
  })
}

test('an exported package comes back through "Import package…" as a new article', async ({
  page,
  harness
}) => {
  const source = join(harness.libraryDir, '..', `${Date.now()}-source-library`)
  const bodyFile = join(harness.libraryDir, '..', `${Date.now()}-body.txt`)
  await writeFile(bodyFile, 'Die Koalition hat sich auf den Haushalt geeinigt.\n')
  const id = cli(
    source,
    'new',
    '--kicker',
    'Streit um Haushalt',
    '--headline',
    'Koalition einigt sich in München',
    '--byline',
    'Anna Beispiel',
    '--dateline',
    'Berlin',
    '--body-file',
    bodyFile
  ).trim()
  const zip = join(source, 'paket.zip')
  cli(source, 'export', id, '--out', zip)

  await page.goto(harness.url)
  await page.getByTestId('package-input').setInputFiles(zip)
  await expect(page.getByLabel('Headline')).toHaveValue('Koalition einigt sich in München')
  await expect(page.getByLabel('Kicker')).toHaveValue('Streit um Haushalt')
})

test('a file that is not a package is refused with its name and nothing is created', async ({
  page,
  harness
}) => {
  const bogus = join(harness.libraryDir, '..', `${Date.now()}-notes.zip`)
  await writeFile(bogus, 'just some text')
  await page.goto(harness.url)
  await page.getByTestId('package-input').setInputFiles(bogus)
  await expect(page.getByRole('alert')).toContainText('notes.zip')
  await expect(page.getByRole('heading', { name: /No drafts yet/ })).toBeVisible()
})

test('a package with a Windows device name is refused in the interface language, nothing created', async ({
  page,
  harness
}) => {
  // Built here: a package whose image is called com1.jpg (a device on Windows, refused everywhere).
  const hostile = join(harness.libraryDir, '..', `${Date.now()}-geraet.zip`)
  await writeFile(
    hostile,
    rawZip([
      { name: 'manifest.json', data: Buffer.from('{"files":[],"forced":false,"findings":[]}') },
      { name: 'images/com1.jpg', data: Buffer.from('jpeg') }
    ])
  )
  await page.goto(harness.url)
  await page.getByTestId('package-input').setInputFiles(hostile)
  await expect(page.getByRole('alert')).toContainText(
    /geraet\.zip was not imported: “images\/com1\.jpg” is a reserved device name on Windows/
  )

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await page.getByTestId('package-input').setInputFiles(hostile)
  await expect(page.getByRole('alert')).toContainText(
    /geraet\.zip wurde nicht importiert: „images\/com1\.jpg“ ist unter Windows ein reservierter Gerätename/
  )
  await expect(page.getByRole('heading', { name: /Noch keine Entwürfe/ })).toBeVisible()
})

test('a package of a story the library holds asks: update, new story or cancel (English and German)', async ({
  page,
  harness
}) => {
  const source = join(harness.libraryDir, '..', `${Date.now()}-held-source`)
  const bodyFile = join(harness.libraryDir, '..', `${Date.now()}-held-body.txt`)
  await writeFile(bodyFile, 'Der Stadtrat hat den Haushalt beschlossen.\n')
  const id = cli(
    source,
    'new',
    '--headline',
    'Stadtrat beschließt Haushalt',
    '--byline',
    'Anna Beispiel',
    '--body-file',
    bodyFile
  ).trim()
  const zip = join(source, 'stadtrat.zip')
  cli(source, 'export', id, '--out', zip)

  await page.goto(harness.url)
  await page.getByTestId('package-input').setInputFiles(zip)
  await expect(page.getByLabel('Headline')).toHaveValue('Stadtrat beschließt Haushalt')
  await page.getByRole('button', { name: /Back to library/ }).click()
  const rows = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')
  await expect(rows).toHaveCount(1)

  // The same package again: the app asks instead of refusing.
  await page.getByTestId('package-input').setInputFiles(zip)
  const ask = page.getByRole('dialog', { name: 'This story is already in the library' })
  await expect(ask).toContainText('stadtrat.zip')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(rows).toHaveCount(1)

  await page.getByTestId('package-input').setInputFiles(zip)
  await ask.getByRole('button', { name: 'Take over as update' }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Stadtrat beschließt Haushalt')
  await page.getByRole('button', { name: /Back to library/ }).click()
  await expect(rows).toHaveCount(1)

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await page.getByTestId('package-input').setInputFiles(zip)
  const frage = page.getByRole('dialog', { name: 'Diese Geschichte ist schon in der Bibliothek' })
  await expect(frage.getByRole('button', { name: 'Abbrechen' })).toBeVisible()
  await expect(frage.getByRole('button', { name: 'Als Aktualisierung übernehmen' })).toBeVisible()
  await frage.getByRole('button', { name: 'Als neue Geschichte' }).click()
  await expect(page.getByRole('textbox', { name: 'Überschrift', exact: true })).toHaveValue(
    'Stadtrat beschließt Haushalt'
  )
  await page.getByRole('button', { name: /Zurück zur Bibliothek/ }).click()
  await expect(page.getByRole('list', { name: 'Entwürfe' }).getByRole('listitem')).toHaveCount(2)
})

test('the library shows each story’s published version, and a withdrawn one as withdrawn', async ({
  page,
  harness
}) => {
  const source = join(harness.libraryDir, '..', `${Date.now()}-pub-source`)
  const bodyFile = join(harness.libraryDir, '..', `${Date.now()}-pub-body.txt`)
  await writeFile(bodyFile, 'Der Stadtrat hat den Haushalt beschlossen.\n')
  const story = (headline: string): string =>
    cli(
      source,
      'new',
      '--headline',
      headline,
      '--byline',
      'Anna Beispiel',
      '--body-file',
      bodyFile
    ).trim()
  const corrected = story('Stadtrat beschließt Haushalt')
  cli(source, 'export', corrected, '--out', join(source, 'v1.zip'))
  cli(
    source,
    'export',
    corrected,
    '--out',
    join(source, 'v2.zip'),
    '--correction',
    'Der Haushalt umfasst 12 Millionen, nicht 21.'
  )
  const killed = story('Brand in der Altstadt')
  cli(source, 'export', killed, '--out', join(source, 'brand-v1.zip'))
  cli(
    source,
    'kill',
    killed,
    '--notice',
    'Die Meldung ist zurückgezogen.',
    '--reason',
    'Quelle unsicher',
    '--out',
    join(source, 'brand-kill.zip')
  )

  await page.goto(harness.url)
  for (const zip of ['v2.zip', 'brand-kill.zip']) {
    await page.getByTestId('package-input').setInputFiles(join(source, zip))
    await expect(page.getByRole('button', { name: /Back to library/ })).toBeVisible()
    await page.getByRole('button', { name: /Back to library/ }).click()
  }
  const list = page.getByRole('list', { name: 'Drafts' })
  const row = (headline: string): ReturnType<typeof list.getByRole> =>
    list.getByRole('listitem').filter({ hasText: headline })
  await expect(row('Stadtrat beschließt Haushalt')).toContainText('Published · Version 2')
  await expect(row('Brand in der Altstadt')).toContainText('Withdrawn')
  await expect(row('Brand in der Altstadt')).not.toContainText('Published')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  const liste = page.getByRole('list', { name: 'Entwürfe' })
  await expect(liste.getByRole('listitem').filter({ hasText: 'Stadtrat' })).toContainText(
    'Veröffentlicht · Version 2'
  )
  await expect(liste.getByRole('listitem').filter({ hasText: 'Brand' })).toContainText(
    'Zurückgezogen'
  )
  await page.screenshot({ path: 'test-results/p17-library-published.png' })
})
