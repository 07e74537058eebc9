import { test, expect } from './fixtures'

test('an empty library offers to start a new article', async ({ page, harness }) => {
  await page.goto(harness.url)
  await expect(page.getByRole('heading', { name: /No drafts yet/ })).toBeVisible()
  await page.getByRole('button', { name: 'New article' }).first().click()
  await expect(page.getByLabel('Headline')).toBeFocused()
})

test('a draft with a headline survives a reload and is listed in the library', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByLabel('Kicker').fill('Streit um Haushalt')
  await page.getByLabel('Headline').click()
  await page.keyboard.type('Koalition einigt sich auf Kompromiss')
  await expect(page.getByRole('status')).toHaveText(/Saved \d\d:\d\d/)

  await page.reload()
  await expect(page.getByLabel('Headline')).toHaveValue('Koalition einigt sich auf Kompromiss')
  await page.getByRole('button', { name: /Back to library/ }).click()
  const row = page.getByRole('list', { name: 'Drafts' }).getByRole('button')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Koalition einigt sich auf Kompromiss')
  await expect(row).toContainText('Streit um Haushalt')
})

test('the interface switches to German in settings and stays German after a reload', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Interface language').selectOption('de')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await expect(page.getByRole('heading', { name: /Noch keine Entwürfe/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('button', { name: 'Neuer Artikel' }).first()).toBeVisible()
})

test('the bridge refuses calls without the token', async ({ page, harness }) => {
  await page.goto(harness.url)
  const status = await page.evaluate(async () => {
    const response = await fetch('/rpc/articles:list', { method: 'POST', body: '{}' })
    return response.status
  })
  expect(status).toBe(403)
})
