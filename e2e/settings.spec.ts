import { test, expect } from './fixtures'

test('a headline limit set in settings drives the counter; a bad credit template is refused', async ({
  page,
  harness
}) => {
  await page.goto(harness.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const limit = dialog.getByRole('spinbutton', { name: 'Headline' })
  await limit.fill('20')
  await limit.blur()
  const template = dialog.getByRole('textbox', { name: 'German articles' })
  await template.fill('Foto')
  await template.blur()
  await expect(dialog.getByRole('alert')).toContainText('credit')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'New article' }).first().click()
  await page.getByLabel('Headline').fill('Koalition einigt sich auf Kompromiss')
  // The counter under the headline (the checks panel says it too, in a longer sentence, once its
  // run has finished: an article that opens faster can have both on screen).
  const counter = page.getByText('16 characters over the limit of 20', { exact: true })
  await expect(counter).toBeVisible()
  await page.reload()
  await expect(counter).toBeVisible()
})
