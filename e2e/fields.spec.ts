import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'

async function storedArticle(libraryDir: string): Promise<Record<string, unknown>> {
  const dir = join(libraryDir, 'articles')
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'))
  return (
    JSON.parse(await readFile(join(dir, file), 'utf8')) as { article: Record<string, unknown> }
  ).article
}

test('structured fields: counters, ordered bylines, dateline, dates in the article time zone', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'New article' }).first().click()

  const headline = page.getByLabel('Headline')
  await headline.fill(
    'Koalition einigt sich nach stundenlangen Verhandlungen im Kanzleramt auf Kompromiss'
  )
  await expect(page.getByText(/characters over the limit of 64/)).toBeVisible()
  await expect(headline).toHaveAttribute('aria-invalid', 'true')

  // Tab goes from the headline through the teaser into the body.
  await headline.press('Tab')
  await expect(page.getByLabel('Teaser')).toBeFocused()
  await page.keyboard.type('Nach zähen Verhandlungen steht der Haushalt.')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: 'Body' })).toBeFocused()
  await page.keyboard.type('Der Kanzler zeigte sich erleichtert.')

  const byline = page.getByLabel('Byline')
  await byline.fill('Anna Beispiel')
  await byline.press('Enter')
  await byline.fill('Max Muster')
  await byline.press('Enter')
  await page.getByRole('button', { name: 'Move Max Muster earlier' }).click()

  await page.getByLabel('Dateline').fill('Berlin')
  await page.getByLabel('Source').fill('dpa')
  // As a writer does: the date, Tab (it counts, at midnight), then the time, Tab.
  await page.getByLabel('Publication date: Date').fill('2024-05-02')
  await page.getByLabel('Publication date: Date').press('Tab')
  await expect(page.getByLabel('Publication date: Time')).toHaveValue('12:00 am')
  await page.getByLabel('Publication date: Time').fill('14:30')
  await page.getByLabel('Publication date: Time').press('Tab')
  await page.getByLabel('Internal notes (never exported)').fill('Zahlen mit dem Ministerium prüfen')
  await expect(page.getByRole('status')).toHaveText(/Saved \d\d:\d\d/)
  // A typed date and time count once the field is left; the save after that is on disk soon.
  await expect
    .poll(
      async () =>
        ((await storedArticle(harness.libraryDir)) as { publishedAt?: string }).publishedAt
    )
    .toBe('2024-05-02T14:30:00+02:00')

  const stored = await storedArticle(harness.libraryDir)
  expect(stored).toMatchObject({
    bylines: ['Max Muster', 'Anna Beispiel'],
    dateline: { place: 'Berlin', source: 'dpa' },
    publishedAt: '2024-05-02T14:30:00+02:00',
    teaser: 'Nach zähen Verhandlungen steht der Haushalt.',
    notes: 'Zahlen mit dem Ministerium prüfen'
  })

  await page.reload()
  // Shown as the English interface writes dates, whatever the machine's locale.
  await expect(page.getByLabel('Publication date: Date')).toHaveValue('2 May 2024')
  await expect(page.getByLabel('Publication date: Time')).toHaveValue('2:30 pm')
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText(
    'Der Kanzler zeigte sich erleichtert.'
  )
  const chips = page.locator('.chip > span')
  await expect(chips).toHaveText(['Max Muster', 'Anna Beispiel'])
})
