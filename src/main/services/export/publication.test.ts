import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PACKAGE_FILES } from '../../../shared/packageFormat'
import { CopydeskError } from '../../../shared/result'
import { openServices, type Services } from '..'
import { safeUnzip } from '../packages/safeUnzip'
import { importPackage } from '../packages/importPackage'
import { exportPackage } from './exportPackage'

const run = promisify(execFile)
const FORMATS = resolve(__dirname, '../../../../../shared/formats')
const NINJS_SCHEMA = join(FORMATS, 'ninjs/ninjs-schema_3.1.json')
const NEWSML_XSD = join(FORMATS, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd')

let root: string
let s: Services

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-versions-'))
  s = await openServices({ libraryDir: join(root, 'library'), version: 'test', systemLocale: 'de' })
  await mkdir(join(root, 'out'))
}, 60_000)

afterAll(async () => {
  await s?.close()
  await rm(root, { recursive: true, force: true })
})

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
const validateNinjs = ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA, 'utf8')))

interface Unpacked {
  ninjs: {
    uri: string
    version: string
    firstCreated: string
    versionCreated: string
    pubStatus: string
    descriptions?: { role: string; value: string }[]
    bodies: { value: string }[]
    associations?: unknown[]
  }
  newsml: string
  html: string
  source: { article: { id: string; publication?: { versions: { version: number }[] } } }
}

/** Unpacks a package and holds its ninjs to the 3.1 schema and its NewsML to the 2.35 XSD. */
async function openValid(zip: string): Promise<Unpacked> {
  const dir = join(root, `unpacked-${Math.random().toString(36).slice(2)}`)
  await safeUnzip(zip, dir)
  const ninjs = JSON.parse(await readFile(join(dir, PACKAGE_FILES.ninjs), 'utf8'))
  expect(validateNinjs(ninjs), ajv.errorsText(validateNinjs.errors)).toBe(true)
  const lint = await run('xmllint', ['--noout', '--schema', NEWSML_XSD, join(dir, 'newsml.xml')])
  expect(lint.stderr).toMatch(/newsml\.xml validates$/m)
  return {
    ninjs,
    newsml: await readFile(join(dir, 'newsml.xml'), 'utf8'),
    html: await readFile(join(dir, PACKAGE_FILES.html), 'utf8'),
    source: JSON.parse(await readFile(join(dir, PACKAGE_FILES.source), 'utf8'))
  }
}

function paragraph(text: string): { type: string; content: unknown[] } {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

function guidOf(xml: string): string {
  return /<newsItem [^>]*guid="([^"]+)" version="(\d+)"/.exec(xml)!.slice(1, 3).join(' v')
}

describe('published versions of one story', () => {
  let id: string
  const packages: Unpacked[] = []
  const at = (minute: number): Date => new Date(Date.UTC(2024, 4, 2, 14, minute))

  beforeAll(async () => {
    const article = await s.articles.create({
      headline: 'Stadtrat beschließt Haushalt',
      teaser: 'Der Haushalt steht.',
      bylines: ['Anna Beispiel'],
      body: paragraph('Der Stadtrat hat 12 Millionen Euro bewilligt.') as never
    })
    id = article.id
    const out = (n: string): string => join(root, 'out', n)
    await exportPackage(s, id, out('v1.zip'), { force: true, now: at(0) })
    // Unchanged: the same version again.
    const resend = await exportPackage(s, id, out('v1-again.zip'), { force: true, now: at(5) })
    expect([resend.version, resend.kind]).toEqual([1, 'resend'])
    const current = await s.articles.get(id)
    await s.articles.save(id, current.revision, {
      body: paragraph('Der Stadtrat hat 14 Millionen Euro bewilligt.') as never
    })
    const update = await exportPackage(s, id, out('v2.zip'), { force: true, now: at(30) })
    expect([update.version, update.kind]).toEqual([2, 'update'])
    const correction = await exportPackage(s, id, out('v3.zip'), {
      force: true,
      now: at(50),
      correction: 'In einer früheren Fassung hieß es, der Bürgermeister habe dagegen gestimmt.'
    })
    expect([correction.version, correction.kind]).toEqual([3, 'correction'])
    const after = await s.articles.get(id)
    await s.articles.save(id, after.revision, { teaser: 'Der Haushalt steht fest.' })
    await exportPackage(s, id, out('v4.zip'), { force: true, now: at(55) })
    for (const n of ['v1', 'v1-again', 'v2', 'v3', 'v4'])
      packages.push(await openValid(out(`${n}.zip`)))
  }, 120_000)

  it('keeps one URI and guid and counts 1, 1 (resend), 2, 3, 4', () => {
    expect(packages.map((p) => p.ninjs.uri)).toEqual(Array(5).fill(`urn:uuid:${id}`))
    expect(packages.map((p) => p.ninjs.version)).toEqual(['1', '1', '2', '3', '4'])
    expect(packages.map((p) => guidOf(p.newsml))).toEqual(
      ['1', '1', '2', '3', '4'].map((v) => `urn:uuid:${id} v${v}`)
    )
    expect(new Set(packages.map((p) => p.ninjs.firstCreated)).size).toBe(1)
    // A resend repeats its version's time; each new version has its own.
    expect(packages[1]!.ninjs.versionCreated).toBe(packages[0]!.ninjs.versionCreated)
    expect(new Set(packages.map((p) => p.ninjs.versionCreated)).size).toBe(4)
    expect(packages.every((p) => p.ninjs.pubStatus === 'usable')).toBe(true)
  })

  it('signals the update and the correction in NewsML-G2', () => {
    expect(packages[0]!.newsml).not.toContain('<signal')
    expect(packages[2]!.newsml).toContain('<signal qcode="sig:update"/>')
    expect(packages[3]!.newsml).toContain('<signal qcode="sig:correction"/>')
    expect(packages[3]!.newsml).toContain('<pubStatus qcode="stat:usable"/>')
  })

  it('carries the correction in ninjs and NewsML in its version and every later one', () => {
    const note = 'In einer früheren Fassung hieß es, der Bürgermeister habe dagegen gestimmt.'
    for (const p of packages.slice(0, 3)) {
      expect(p.ninjs.descriptions?.some((d) => d.role === 'correction')).toBe(false)
    }
    for (const p of packages.slice(3)) {
      const corrections = p.ninjs.descriptions!.filter((d) => d.role === 'correction')
      expect(corrections.map((d) => d.value)).toEqual([
        `${note} (${corrections[0]!.value.slice(note.length + 2, -1)})`
      ])
      expect(p.newsml).toContain(`<edNote>${note}`)
    }
  })

  it('shows the update and the corrections on article.html and in its JSON-LD', () => {
    const note = 'In einer früheren Fassung hieß es, der Bürgermeister habe dagegen gestimmt.'
    expect(packages[0]!.html).not.toContain('class="update-line"')
    // 14:30 UTC in the article's zone, Europe/Berlin.
    expect(packages[2]!.html).toContain('Aktualisiert am 2. Mai 2024, 16:30 Uhr')
    expect(packages[2]!.html).not.toContain('class="corrections"')
    for (const p of packages.slice(3)) {
      expect(p.html).toContain('<h2>Korrektur</h2>')
      expect(p.html).toContain(`2. Mai 2024, 16:50 Uhr</time>: ${note}`)
      const ld = JSON.parse(
        /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(p.html)![1]!
      )
      expect(ld.correction).toEqual([
        { '@type': 'CorrectionComment', text: note, datePublished: '2024-05-02T14:50:00.000+00:00' }
      ])
    }
    expect(packages[4]!.html).toContain('Aktualisiert am 2. Mai 2024, 16:55 Uhr')
  })

  it('records the versions with the article, so the package for import holds the line', async () => {
    const article = await s.articles.get(id)
    expect(article.publication!.versions.map((v) => [v.version, v.kind])).toEqual([
      [1, 'first'],
      [1, 'resend'],
      [2, 'update'],
      [3, 'correction'],
      [4, 'update']
    ])
    expect(article.publication!.corrections).toHaveLength(1)
    expect(packages[4]!.source.article.publication!.versions.at(-1)!.version).toBe(4)
  })

  it('gives a duplicate a new identity without the versions of the original', async () => {
    const copy = await s.articles.duplicate(id)
    expect(copy.id).not.toBe(id)
    expect(copy.publication).toBeUndefined()
    const result = await exportPackage(s, copy.id, join(root, 'out', 'copy.zip'), { force: true })
    expect([result.version, result.kind]).toEqual([1, 'first'])
  })

  it('records nothing when the export fails', async () => {
    const before = (await s.articles.get(id)).publication!.versions.length
    const failed = await exportPackage(s, id, join(root, 'no-such-folder', 'x.zip'), {
      force: true
    }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(CopydeskError)
    expect((await s.articles.get(id)).publication!.versions).toHaveLength(before)
  })

  it('continues the version line in another library that imports the package', async () => {
    const t = await openServices({
      libraryDir: join(root, 'other-library'),
      version: 'test',
      systemLocale: 'de'
    })
    try {
      const v4 = join(root, 'out', 'v4.zip')
      const imported = await importPackage(t, v4)
      expect(imported.articleId).toBe(id)
      // The story is held now: only an explicit choice imports it again.
      const held = await importPackage(t, v4).catch((e: unknown) => e)
      expect((held as CopydeskError).code).toBe('conflict')
      expect((held as CopydeskError).detail).toMatchObject({ reason: 'held', articleId: id })
      const story = await t.articles.get(id)
      await t.articles.save(id, story.revision, { headline: 'Stadtrat beschließt Haushalt 2025' })
      const next = await exportPackage(t, id, join(root, 'out', 'other-v5.zip'), {
        force: true,
        now: at(58)
      })
      expect([next.version, next.kind]).toEqual([5, 'update'])
      const v5 = await openValid(join(root, 'out', 'other-v5.zip'))
      expect([v5.ninjs.uri, v5.ninjs.version]).toEqual([`urn:uuid:${id}`, '5'])
      expect(v5.ninjs.firstCreated).toBe(packages[0]!.ninjs.firstCreated)
      expect(v5.ninjs.descriptions!.filter((d) => d.role === 'correction')).toHaveLength(1)
      // As an update the package's content becomes the story's again; as new, a new identity.
      await importPackage(t, v4, { as: 'update' })
      expect((await t.articles.get(id)).headline).toBe('Stadtrat beschließt Haushalt')
      expect((await t.articles.get(id)).publication!.versions.at(-1)!.version).toBe(5)
      const copy = await importPackage(t, v4, { as: 'new' })
      expect(copy.articleId).not.toBe(id)
      expect((await t.articles.get(copy.articleId)).publication).toBeUndefined()
    } finally {
      await t.close()
    }
  }, 60_000)

  it('withdraws the story with a valid canceled package, then refuses exports until reinstated', async () => {
    const result = await exportPackage(s, id, join(root, 'out', 'kill.zip'), {
      now: at(59),
      kill: { notice: 'Dieser Artikel wurde zurückgezogen.', reason: 'Einstweilige Verfügung' }
    })
    expect([result.version, result.kind, result.pubStatus]).toEqual([5, 'kill', 'canceled'])
    const kill = await openValid(join(root, 'out', 'kill.zip'))
    expect(kill.ninjs.pubStatus).toBe('canceled')
    expect(kill.ninjs.version).toBe('5')
    expect(kill.ninjs.bodies[0]!.value).toContain('Dieser Artikel wurde zurückgezogen.')
    expect(kill.ninjs.bodies[0]!.value).not.toContain('Millionen')
    expect(kill.ninjs.associations ?? []).toEqual([])
    expect(kill.newsml).toContain('<pubStatus qcode="stat:canceled"/>')
    expect(JSON.stringify(kill)).not.toContain('Einstweilige Verfügung')

    const refused = await exportPackage(s, id, join(root, 'out', 'after-kill.zip'), {
      force: true
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(CopydeskError)
    expect((refused as CopydeskError).code).toBe('conflict')
    expect((refused as CopydeskError).message).toMatch(/withdrawn .*reinstate/)
  })
})
