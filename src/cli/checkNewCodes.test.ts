import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Finding } from '../shared/preflight/finding'
import { runCaptured } from './__fixtures__/runCaptured'

let dir: string
let library: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-check-codes-'))
  library = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const cli = (argv: string[], env: Record<string, string> = {}): ReturnType<typeof runCaptured> =>
  runCaptured(library, argv, { cwd: dir, env })

it('check --json gives body-missing, teaser-missing and typography with the corrected text', async () => {
  const created = await cli([
    'new',
    '--kicker',
    'Gipfel...',
    '--headline',
    '"Gipfel" in Wladiwostok - Tag 1',
    '--byline',
    'Anna Beispiel',
    '--dateline',
    'Wladiwostok',
    '--language',
    'de'
  ])
  expect(created.code, created.stderr).toBe(0)
  const id = created.stdout.trim()

  const json = await cli(['check', id, '--json'])
  // body-missing is an error: the check exits 1.
  expect(json.code).toBe(1)
  const findings = JSON.parse(json.stdout) as Finding[]
  const picked = findings
    .filter((f) => ['body-missing', 'teaser-missing', 'typography'].includes(f.code))
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      where: f.where,
      suggestions: f.suggestions
    }))
  expect(picked).toEqual([
    { code: 'body-missing', severity: 'error', where: { field: 'body' }, suggestions: undefined },
    {
      code: 'teaser-missing',
      severity: 'warning',
      where: { field: 'teaser' },
      suggestions: undefined
    },
    {
      code: 'typography',
      severity: 'warning',
      where: { field: 'kicker' },
      suggestions: ['Gipfel…']
    },
    {
      code: 'typography',
      severity: 'warning',
      where: { field: 'headline' },
      suggestions: ['„Gipfel“ in Wladiwostok – Tag 1']
    }
  ])
  expect(findings.find((f) => f.code === 'body-missing')?.message).toBe(
    'The body has no text: there is nothing to publish.'
  )

  const de = await cli(['check', id], { LANG: 'de_DE.UTF-8' })
  expect(de.code).toBe(1)
  expect(de.stdout).toContain(
    'Fehler: Der Artikel hat keinen Text: Es gibt nichts zu veröffentlichen. [body-missing @ body]'
  )
  expect(de.stdout).toContain('Warnung: Der Artikel hat keinen Vorspann. [teaser-missing @ teaser]')
  expect(de.stdout).toContain(
    'Warnung: Überschrift: gerade Anführungszeichen oder Apostrophe, Bindestrich statt Gedankenstrich (–). → „Gipfel“ in Wladiwostok – Tag 1 [typography @ headline]'
  )
})

it('check points a typography finding at the body block, in the article language', async () => {
  const paragraph = `Kim's Zug kam an. "It's cold" - he said... ${'and on '.repeat(20)}`
  await writeFile(join(dir, 'body.txt'), `Calm.\n\n${paragraph}\n`)
  const created = await cli([
    'new',
    '--headline',
    'Summit in Vladivostok',
    '--teaser',
    'Two days of talks.',
    '--byline',
    'Anna Beispiel',
    '--dateline',
    'Vladivostok',
    '--language',
    'en-GB',
    '--body-file',
    'body.txt'
  ])
  expect(created.code, created.stderr).toBe(0)
  const id = created.stdout.trim()
  const stored = JSON.parse(await readFile(join(library, 'articles', `${id}.json`), 'utf8')) as {
    article: { body: { content: { attrs: { nodeId: string } }[] } }
  }
  const secondBlock = stored.article.body.content[1]!.attrs.nodeId

  const json = await cli(['check', id, '--json'])
  expect(json.code).toBe(0)
  const findings = (JSON.parse(json.stdout) as Finding[]).filter(
    (f) => f.code !== 'spelling' && f.code !== 'dateline-missing'
  )
  expect(findings).toEqual([
    {
      severity: 'warning',
      code: 'typography',
      where: { nodeId: secondBlock },
      message:
        'Body paragraph 2: straight quotation marks or apostrophes, a hyphen for a dash (–), three dots for an ellipsis (…).',
      suggestions: [`Kim’s Zug kam an. “It’s cold” – he said… ${'and on '.repeat(20).trim()}`]
    }
  ])

  // As text, the long suggestion is cut to one readable line.
  const text = await cli(['check', id])
  const line = text.stdout.split('\n').find((l) => l.includes('[typography @ body'))
  expect(line).toMatch(
    /→ Kim’s Zug kam an\. “It’s cold” – he said… and on .*…\s\[typography @ body /
  )
  expect(line!.length).toBeLessThan(260)
})
