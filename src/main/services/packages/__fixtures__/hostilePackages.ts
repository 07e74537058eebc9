import { createHash } from 'node:crypto'
import { rawZip, type RawEntry } from './rawZip'

/** One hostile package: what it is, how to build it, what its refusal must say. */
export interface HostilePackage {
  name: string
  build(): Buffer
  refusal: RegExp
}

const MiB = 1024 * 1024

/**
 * The overlap bomb: one local record holding `entryBytes` of zeros and `entries`
 * central-directory entries all pointing at it. Deflated (the default), the record is about a
 * thousandth of its size: with 4,999 entries of 1 MiB (plus the manifest: the entry limit) the
 * file is about 300 KB and unpacked naively writes about 5 GB, the case that was reported.
 * Stored (`deflate: false`), each entry's ratio is 1 and only the overlap gives it away. The
 * manifest (unless `manifest: false`) lists every entry truthfully, so only the overlap is wrong.
 */
export function overlapBomb(
  opts: { entries?: number; entryBytes?: number; deflate?: boolean; manifest?: boolean } = {}
): Buffer {
  const { entries = 4_999, entryBytes = MiB, deflate = true, manifest = true } = opts
  const zeros = Buffer.alloc(entryBytes)
  const raw: RawEntry[] = [{ name: 'images/0000.jpg', data: zeros, deflate }]
  for (let i = 1; i < entries; i++) {
    raw.push({ name: `images/${String(i).padStart(4, '0')}.jpg`, data: zeros, sharesDataWith: 0 })
  }
  if (!manifest) return rawZip(raw)
  const sha256 = createHash('sha256').update(zeros).digest('hex')
  const list = {
    files: raw.map((e) => ({ path: e.name, bytes: entryBytes, sha256 })),
    forced: false,
    findings: []
  }
  return rawZip([
    ...raw,
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(list)), deflate: true }
  ])
}

/** Many distinct small bombs (1 MiB of zeros each, ~1 KB compressed): no overlap, high ratio. */
export function manySmallBombs(entries = 200): RawEntry[] {
  const zeros = Buffer.alloc(MiB)
  return Array.from({ length: entries }, (_, i) => ({
    name: `images/small-${i}.jpg`,
    data: zeros,
    deflate: true
  }))
}

/** Names Windows treats as devices, on any OS: packages travel between machines. */
export const WINDOWS_DEVICE_NAMES = [
  'images/CON',
  'images/com1.jpg',
  'aux.txt',
  'NUL',
  'images/nul/original.jpg',
  'images/LPT9.tar.gz',
  'images/Con .txt',
  'images/COM\u00b9.jpg',
  'conin$'
]

interface SourceDoc {
  formatVersion: unknown
  article: { schemaVersion: unknown }
  assets: { record: { schemaVersion: unknown } }[]
}

function newAttacks(goodFiles: () => Map<string, Buffer>): [string, () => Buffer, RegExp][] {
  const source = (edit: (doc: SourceDoc) => void): Buffer => {
    const files = goodFiles()
    const doc = JSON.parse(files.get('article.copydesk.json')!.toString()) as SourceDoc
    edit(doc)
    files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
    return withManifest(files)
  }
  return [
    [
      'the reported bomb (300 KB: 4,999 entries sharing one deflated 1 MiB record)',
      () => overlapBomb(),
      /ZIP bomb/
    ],
    [
      'an overlap bomb of stored data (4,999 entries sharing one 1 MiB record, ratio 1)',
      () => overlapBomb({ deflate: false }),
      /refused at entry "images\/0001\.jpg": overlaps entry "images\/0000\.jpg" .*ZIP bomb/
    ],
    [
      'many small bombs (200 entries of 1 MiB zeros, ~1 KB each)',
      () => withManifest(goodFiles(), manySmallBombs()),
      /compression ratio above 100: a ZIP bomb/
    ],
    [
      'a file larger than its manifest says',
      () => withManifest(goodFiles(), [], { 'article.html': 10 }),
      /"article\.html" declares \d+ bytes, manifest\.json says 10/
    ],
    [
      'no manifest',
      () => rawZip([...goodFiles()].map(([name, data]) => ({ name, data }))),
      /it has no manifest\.json/
    ],
    ...WINDOWS_DEVICE_NAMES.map((name): [string, () => Buffer, RegExp] => [
      `the Windows device name ${JSON.stringify(name)}`,
      () => withManifest(goodFiles(), [evil(name)]),
      /is a device name on Windows/
    ]),
    [
      'article.schemaVersion "1" (text)',
      () => source((doc) => (doc.article.schemaVersion = '1')),
      /article\.copydesk\.json: article\.schemaVersion is "1" \(text\), not a version Copydesk knows \(expected the number 1\)/
    ],
    [
      'article.schemaVersion -1',
      () => source((doc) => (doc.article.schemaVersion = -1)),
      /article\.schemaVersion is -1, not a version Copydesk knows/
    ],
    [
      'formatVersion "1" (text)',
      () => source((doc) => (doc.formatVersion = '1')),
      /article\.copydesk\.json: formatVersion is "1" \(text\)/
    ],
    [
      'an asset record from a newer Copydesk',
      () => source((doc) => (doc.assets[0].record.schemaVersion = 99)),
      /assets\.0\.record\.schemaVersion is 99: the package was made by a newer Copydesk/
    ]
  ]
}

/** A package whose manifest matches the given files (so only the named flaw remains). */
export function withManifest(
  files: Map<string, Buffer>,
  extra: RawEntry[] = [],
  misstate: Record<string, number> = {}
): Buffer {
  const manifest = {
    files: [...files].map(([path, data]) => ({
      path,
      bytes: misstate[path] ?? data.length,
      sha256: createHash('sha256').update(data).digest('hex')
    })),
    forced: false,
    findings: []
  }
  return rawZip([
    ...[...files].map(([name, data]) => ({ name, data })),
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    ...extra
  ])
}

const evil = (name: string, extra: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: Buffer.from('owned'),
  ...extra
})

/**
 * The adversarial corpus for package import: each case builds its package from a good package's
 * files (`good`, path -> bytes, as exported) and names what the refusal must say. A new attack
 * is one more entry here.
 */
export function hostilePackages(good: Map<string, Buffer>): HostilePackage[] {
  const goodFiles = (): Map<string, Buffer> =>
    new Map([...good].filter(([path]) => path !== 'manifest.json'))
  const cases: [string, () => Buffer, RegExp][] = [
    ['a ".." path', () => withManifest(goodFiles(), [evil('../evil.txt')]), /relative path/],
    [
      'an absolute path',
      () => withManifest(goodFiles(), [evil('/tmp/copydesk-evil.txt')]),
      /absolute path/
    ],
    [
      'a drive letter',
      () => withManifest(goodFiles(), [evil('C:/evil.txt')]),
      /absolute path|drive-letter/
    ],
    [
      'a backslash',
      () => withManifest(goodFiles(), [evil('images\\..\\..\\evil.txt')]),
      /backslash|invalid characters/
    ],
    [
      'a symbolic link',
      () =>
        withManifest(goodFiles(), [
          evil('images/link.jpg', { data: Buffer.from('/etc/passwd'), unixMode: 0o120777 })
        ]),
      /symbolic link/
    ],
    [
      'names that differ only in case',
      () => withManifest(goodFiles(), [evil('images/001.JPG')]),
      /duplicate name/
    ],
    [
      'names that differ only in Unicode form',
      () =>
        withManifest(goodFiles(), [evil('images/K\u00f6ln.jpg'), evil('images/Ko\u0308ln.jpg')]),
      /duplicate name/
    ],
    [
      'a ZIP bomb (64 MiB of zeros in 64 KB)',
      () =>
        withManifest(goodFiles(), [
          { name: 'images/bomb.jpg', data: Buffer.alloc(64 * 1024 * 1024), deflate: true }
        ]),
      /ZIP bomb/
    ],
    [
      'a changed image',
      () => {
        const files = goodFiles()
        const manifest = JSON.parse(good.get('manifest.json')!.toString())
        const changed = Buffer.from(files.get('images/002.jpg')!)
        changed[changed.length - 10] ^= 0xff
        files.set('images/002.jpg', changed)
        return rawZip([
          ...[...files].map(([name, data]) => ({ name, data })),
          { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }
        ])
      },
      /"images\/002\.jpg" does not match its SHA-256/
    ],
    [
      'a file the manifest does not list',
      () =>
        rawZip([...[...good].map(([name, data]) => ({ name, data })), evil('images/extra.jpg')]),
      /"images\/extra\.jpg" is in the package but not in manifest\.json/
    ],
    [
      'a listed file that is missing',
      () =>
        rawZip(
          [...good].filter(([p]) => p !== 'images/003.jpg').map(([name, data]) => ({ name, data }))
        ),
      /"images\/003\.jpg" is listed in manifest\.json but missing/
    ],
    [
      'an article that is not valid',
      () => {
        const files = goodFiles()
        const doc = JSON.parse(files.get('article.copydesk.json')!.toString())
        doc.article.bylines = 'Anna'
        files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
        return withManifest(files)
      },
      /article\.copydesk\.json is not a valid Copydesk article \(article\.bylines/
    ],
    [
      'an article whose image is not in the package',
      () => {
        const files = goodFiles()
        const doc = JSON.parse(files.get('article.copydesk.json')!.toString())
        doc.assets = doc.assets.slice(1)
        files.set('article.copydesk.json', Buffer.from(JSON.stringify(doc)))
        return withManifest(files)
      },
      /the article uses image [0-9a-f]{64}, which the package does not hold/
    ],
    ...newAttacks(goodFiles)
  ]
  return cases.map(([name, build, refusal]) => ({ name, build, refusal }))
}
