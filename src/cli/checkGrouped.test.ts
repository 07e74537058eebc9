import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Finding } from '../shared/preflight/finding'
import { runCaptured } from './__fixtures__/runCaptured'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-check-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('check gives one spelling finding per word, with count and places, in --json and as text', async () => {
  const library = join(dir, 'library')
  const cli = (...argv: string[]): ReturnType<typeof runCaptured> =>
    runCaptured(library, argv, { cwd: dir })
  await writeFile(
    join(dir, 'body.txt'),
    'Der Bundestga tagt. Der Bundestga vertagt.\n\nIm Bundestga wird es still.\n'
  )
  const created = await cli(
    'new',
    '--headline',
    'Streit im Bundestga',
    '--byline',
    'Anna Beispiel',
    '--dateline',
    'Berlin',
    '--body-file',
    'body.txt'
  )
  expect(created.code, created.stderr).toBe(0)
  const id = created.stdout.trim()

  const json = await cli('check', id, '--json')
  const spelling = (JSON.parse(json.stdout) as Finding[]).filter((f) => f.code === 'spelling')
  expect(spelling).toHaveLength(1)
  const [finding] = spelling
  expect(finding.word).toBe('Bundestga')
  expect(finding.count).toBe(4)
  expect(finding.where).toEqual({ field: 'headline' })
  expect(finding.places).toHaveLength(3)
  expect(finding.places?.[0]).toEqual({ field: 'headline' })
  expect(finding.places?.slice(1).every((p) => 'nodeId' in p)).toBe(true)
  expect(finding.suggestions).toContain('Bundestag')

  const text = await cli('check', id)
  expect(text.stdout).toMatch(
    /^warning: Unknown word: Bundestga \(4×\) → Bundestag.* \[spelling @ headline\]$/m
  )
})
