import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { startArticle, storedArticle } from './editorSupport'
import { startHarnessProcess, stopHarnessProcess } from './fixtures'

/*
 * The quit sequence with the real renderer: the harness runs the same code as the app's
 * before-quit (flush request to every page over the event stream, the page's acknowledged save,
 * then the library closes). The keystrokes are typed well inside the autosave pause, so only the
 * flush can have saved them.
 */
const test = base.extend<{ libraryDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  libraryDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-quit-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  }
})

test('type, quit at once, reopen: the last keystroke is there', async ({ page, libraryDir }) => {
  const first = await startHarnessProcess(libraryDir)
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`
      )
    })
  })
  await startArticle(page, first.url)
  await page.getByLabel('Headline').fill('Gipfel in Wladiwostok')
  const body = page.getByRole('textbox', { name: 'Body' })
  await body.click()
  await page.keyboard.type('Der letzte Satz vor dem Beenden.')
  // Not on disk yet: the autosave waits for a pause in typing.
  const before = await storedArticle(libraryDir)
  expect(JSON.stringify(before['body'])).not.toContain('Der letzte Satz vor dem Beenden.')

  // Quit (SIGTERM, as the OS or Ctrl+C sends it) with the autosave still pending.
  await stopHarnessProcess(first.child)
  expect(first.child.exitCode).toBe(0)
  const stored = await storedArticle(libraryDir)
  expect(stored['headline']).toBe('Gipfel in Wladiwostok')
  expect(JSON.stringify(stored['body'])).toContain('Der letzte Satz vor dem Beenden.')

  // Reopened, the editor shows it.
  const second = await startHarnessProcess(libraryDir)
  try {
    await page.goto(second.url)
    await page.getByText('Gipfel in Wladiwostok').first().click()
    await expect(page.getByRole('textbox', { name: 'Body' })).toContainText(
      'Der letzte Satz vor dem Beenden.'
    )
  } finally {
    await stopHarnessProcess(second.child)
  }
  // The whole session ran under the strict CSP without a single violation (no eval probes).
  expect(violations).toEqual([])
})
