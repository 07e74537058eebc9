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
  const row = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')
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

test('duplicate, delete with undo, trash and restore, empty trash', async ({ page, harness }) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByLabel('Headline').fill('Stadtrat beschließt Haushalt')
  await expect(page.getByRole('status').first()).toHaveText(/Saved \d\d:\d\d/)
  await page.getByRole('button', { name: /Back to library/ }).click()

  const list = page.getByRole('list', { name: 'Drafts' })
  await page
    .getByRole('group', { name: 'Actions for Stadtrat beschließt Haushalt' })
    .getByRole('button', { name: 'Duplicate' })
    .click()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  const actions = page.getByRole('group', { name: 'Actions for Stadtrat beschließt Haushalt' })
  await actions.first().getByRole('button', { name: 'Move to trash' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await actions.first().getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  const trash = page.getByRole('list', { name: 'Trash' })
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await trash.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('button', { name: 'Back to drafts' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await actions.first().getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Empty trash…' }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
})
