import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCaptured } from '../../../cli/__fixtures__/runCaptured'
import { hasExiftool, xmpWithEntities } from './__fixtures__/corpus'

const run = promisify(execFile)
const exiftoolHere = await hasExiftool()
const unzipHere = await run('unzip', ['-v']).then(
  () => true,
  () => false
)
if (!exiftoolHere || !unzipHere) {
  console.warn('xmpEntitiesExport.test: exiftool or unzip is missing, so it is skipped')
}

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-xmp-export-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.skipIf(!exiftoolHere || !unzipHere)('XMP text with & < > in an exported package', () => {
  it('is escaped exactly once in article.html and NewsML, credit line included', async () => {
    const library = join(dir, 'library')
    const cli = (...argv: string[]): ReturnType<typeof runCaptured> =>
      runCaptured(library, argv, { cwd: dir })
    const photo = join(dir, 'ampersand.jpg')
    await xmpWithEntities(photo)
    const created = await cli(
      'new',
      '--headline',
      'Fusion',
      '--byline',
      'Anna Bäcker',
      '--language',
      'de',
      '--json'
    )
    const id = (JSON.parse(created.stdout) as { id: string }).id
    expect((await cli('attach', id, photo, '--lead')).code).toBe(0)
    const out = join(dir, 'paket.zip')
    expect((await cli('export', id, '--out', out, '--force')).code).toBe(0)
    const read = async (name: string): Promise<string> =>
      (await run('unzip', ['-p', out, name], { maxBuffer: 16 * 1024 * 1024 })).stdout

    const html = await read('article.html')
    expect(html).toContain('Smith &amp; Jones &lt;Ltd&gt;')
    expect(html).toContain('(Quelle: AT&amp;T)')
    expect(html).not.toContain('&amp;amp;')
    expect(html).not.toContain('&amp;lt;')

    const newsml = await read('newsml.xml')
    expect(newsml).toContain(
      '<description role="drol:caption">Smith &amp; Jones &lt;Ltd&gt; sagt: &quot;Öl &amp; Gas&quot;'
    )
    expect(newsml).toContain('<creditline>AT&amp;T</creditline>')
    expect(newsml).toContain('<name>Jörg &lt;jm&gt; Müller</name>')
    // Text that really says "&amp;" (exiftool stored it as &amp;amp;) keeps saying it.
    expect(newsml).toContain('<headline>Already escaped: &amp;amp; stays as typed</headline>')

    const ninjs = JSON.parse(await read('article.ninjs.json')) as unknown
    expect(JSON.stringify(ninjs)).toContain('Smith & Jones <Ltd>')
  })
})
