import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEWS_COPY_DE } from './__fixtures__/newsCopyDe'
import { SpellChecker } from './spellChecker'

// The production path: Hunspell in a worker thread (worker_threads, eval'd source).
let dir: string
let checker: SpellChecker

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-spellworker-'))
  checker = new SpellChecker({ libraryDir: dir })
})

afterAll(async () => {
  await checker.close()
  await rm(dir, { recursive: true, force: true })
})

describe('SpellChecker in a worker thread', () => {
  it('checks German with compounds and suggests', async () => {
    const text = 'Im Haushaltsstreit hat der Bundestga den Koalitionsvertrag bestätigt.'
    const findings = await checker.check(text, 'de')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ word: 'Bundestga', start: 27, end: 36 })
    expect(findings[0].suggestions[0]).toBe('Bundestag')
  })

  it('answers concurrent calls in several languages, each with its own result', async () => {
    const [de, gb, at, many] = await Promise.all([
      checker.check('Die Pressekonferentz', 'de', { suggestions: false }),
      checker.check('The color', 'en-GB', { suggestions: false }),
      checker.check('Im Jänner', 'de-AT', { suggestions: false }),
      checker.checkMany(['Bundestag', 'Bundestga', ''], 'de', { suggestions: false })
    ])
    expect(de.map((f) => f.word)).toEqual(['Pressekonferentz'])
    expect(gb.map((f) => f.word)).toEqual(['color'])
    expect(at).toEqual([])
    expect(many.map((list) => list.map((f) => f.word))).toEqual([[], ['Bundestga'], []])
  })

  it('loads a dictionary once: the second preload is cached', async () => {
    const first = await checker.preload('de-CH')
    const second = await checker.preload('de-CH')
    expect(first.cached).toBe(false)
    expect(first.dictionaryMs).toBeGreaterThan(0)
    expect(second).toEqual({ language: 'de-CH', wasmMs: 0, dictionaryMs: 0, cached: true })
  })

  it('builds a language once when the first calls for it arrive together', async () => {
    const fresh = new SpellChecker({ libraryDir: dir })
    try {
      const loads = await Promise.all([fresh.preload('en-GB'), fresh.preload('en-GB')])
      expect(loads.map((l) => l.cached).sort()).toEqual([false, true])
    } finally {
      await fresh.close()
    }
  })

  it('keeps the calling thread responsive while it checks a long text', async () => {
    const copy = NEWS_COPY_DE.flatMap((a) => [a.headline, a.teaser, ...a.body]).join('\n')
    const long = Array.from({ length: 40 }, () => copy).join('\n')
    await checker.preload('de')
    const ticks: number[] = []
    const timer = setInterval(() => ticks.push(performance.now()), 5)
    const started = performance.now()
    await checker.check(long, 'de', { suggestions: false })
    const took = performance.now() - started
    clearInterval(timer)
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i])
    // On the calling thread the timer could not fire at all until the check ended.
    expect(took).toBeGreaterThan(100)
    expect(ticks.length).toBeGreaterThan(3)
    expect(Math.max(...gaps)).toBeLessThan(took * 0.6)
  })

  it('survives a crashed worker: the next call starts a new one with the word list', async () => {
    await checker.addWord('Brandtner')
    await (
      checker as unknown as { backend: { crashForTest(): Promise<void> } }
    ).backend.crashForTest()
    expect(await checker.check('Trainer Brandtner und der Bundestag', 'de')).toEqual([])
    await checker.removeWord('Brandtner')
  })

  it('refuses calls after close with a clear message', async () => {
    const closing = new SpellChecker({ libraryDir: dir })
    await closing.check('Bundestag', 'de')
    await closing.close()
    await expect(closing.check('Bundestag', 'de')).rejects.toThrow(/spelling service is closed/)
  })

  it('does not keep a Node process alive once the answer is in (the CLI exits)', async () => {
    const script = join(dir, 'cli-like.ts')
    const spellChecker = resolve(__dirname, 'spellChecker.ts').replaceAll('\\', '/')
    await writeFile(
      script,
      `import { SpellChecker } from '${spellChecker}'\n` +
        `const checker = new SpellChecker({ libraryDir: ${JSON.stringify(dir)} })\n` +
        `checker.check('Der Bundestga', 'de').then((f) => console.log(JSON.stringify(f)))\n`
    )
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 20_000,
      cwd: resolve(__dirname, '../../../..')
    })
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        word: 'Bundestga',
        suggestions: expect.arrayContaining(['Bundestag'])
      })
    ])
  })
})
