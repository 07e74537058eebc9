import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServices } from '../../main/services'
import { runCaptured, type Captured } from '../__fixtures__/runCaptured'

let dir: string
let id: string

async function cli(...argv: string[]): Promise<Captured> {
  return runCaptured(join(dir, 'library'), argv, { cwd: dir, env: {} })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-cli-versions-'))
  const s = await openServices({
    libraryDir: join(dir, 'library'),
    version: 't',
    systemLocale: 'en'
  })
  try {
    id = (await s.articles.create({ headline: 'Brücke gesperrt', bylines: ['Anna Beispiel'] })).id
  } finally {
    await s.close()
  }
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('copydesk export, kill, reinstate, versions', () => {
  it('counts versions, takes a correction, withdraws and reinstates the story', async () => {
    expect((await cli('versions', id)).stdout).toBe('Not exported yet.\n')
    const first = await cli('export', id, '--out', 'v1.zip', '--force')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/version 1 \(first\)$/m)
    expect((await cli('export', id, '--out', 'v1b.zip', '--force')).stdout).toMatch(
      /version 1 \(resend\)$/m
    )
    const corrected = await cli(
      'export',
      id,
      '--out',
      'v2.zip',
      '--force',
      '--correction',
      'In einer früheren Fassung stand ein falscher Ort.'
    )
    expect(corrected.stdout).toMatch(/version 2 \(correction\)$/m)
    expect((await cli('export', id, '--out', 'x.zip', '--correction', ' ', '--force')).code).toBe(2)

    // Neither notice nor target: a usage error, nothing recorded.
    expect((await cli('kill', id, '--out', 'kill.zip')).code).toBe(2)
    expect((await cli('kill', id, '--notice', 'Zurückgezogen.')).code).toBe(2)
    const kill = await cli(
      'kill',
      id,
      '--notice',
      'Dieser Artikel wurde zurückgezogen.',
      '--reason',
      'Anwaltsschreiben',
      '--out',
      'kill.zip'
    )
    expect(kill.code).toBe(0)
    expect(kill.stdout).toContain('version 3, kill (pubStatus canceled)')

    const refused = await cli('export', id, '--out', 'v4.zip', '--force')
    expect(refused.code).toBe(4)
    expect(refused.stderr).toMatch(/withdrawn .*reinstate/)
    expect((await cli('reinstate', '00000000-0000-4000-8000-000000000000')).code).toBe(3)
    expect((await cli('reinstate', id)).stdout).toContain('reinstated')
    expect((await cli('reinstate', id)).code).toBe(4)
    expect((await cli('export', id, '--out', 'v4.zip', '--force')).stdout).toMatch(
      /version 4 \(update\)$/m
    )

    const listed = await cli('versions', id, '--json')
    expect(listed.code).toBe(0)
    const versions = JSON.parse(listed.stdout)
    expect(
      versions.map((v: { version: number; kind: string }) => `${v.version} ${v.kind}`)
    ).toEqual(['1 first', '1 resend', '2 correction', '3 kill', '4 update'])
    expect(Object.keys(versions[0])).toEqual(['version', 'kind', 'exportedAt', 'file', 'pubStatus'])
    expect(versions[3].pubStatus).toBe('canceled')
    expect(versions[3].file).toBe(join(dir, 'kill.zip'))
    const german = await runCaptured(join(dir, 'library'), ['versions', id], {
      cwd: dir,
      env: { LANG: 'de_DE.UTF-8' }
    })
    expect(german.stdout.split('\n')[2]).toMatch(/^2\tKorrektur\t/)
    // A withdrawal's summary line speaks German too.
    const killedAgain = await runCaptured(
      join(dir, 'library'),
      ['kill', id, '--notice', 'Zurückgezogen.', '--out', 'kill-de.zip'],
      { cwd: dir, env: { LANG: 'de_DE.UTF-8' } }
    )
    expect(killedAgain.code).toBe(0)
    expect(killedAgain.stdout).toMatch(/: Version 5, zurückgezogen \(pubStatus canceled\)\n$/)
  }, 120_000)
})
