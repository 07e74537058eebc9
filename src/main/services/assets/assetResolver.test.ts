import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetDir, resolveAssetFile } from './assetResolver'

const ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
let root: string
let library: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'copydesk-resolver-'))
  library = join(root, 'library')
  await mkdir(assetDir(library, ID), { recursive: true })
  await writeFile(join(assetDir(library, ID), 'original.jpg'), 'jpeg bytes')
  await writeFile(join(assetDir(library, ID), 'thumb.jpg'), 'thumb bytes')
  await writeFile(join(root, 'secret.txt'), 'outside')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('resolveAssetFile', () => {
  it('finds a rendition of an asset by id', async () => {
    expect(await resolveAssetFile(library, ID, 'original')).toBe(
      join(assetDir(library, ID), 'original.jpg')
    )
    expect(await resolveAssetFile(library, ID, 'thumb')).toBe(
      join(assetDir(library, ID), 'thumb.jpg')
    )
  })
  it('answers null for a rendition that does not exist', async () => {
    expect(await resolveAssetFile(library, ID, 'preview')).toBeNull()
  })
  it.each([
    '../secret',
    '..',
    '/etc/passwd',
    'a1b2%2f..',
    `${ID}/../..`,
    ID.toUpperCase(),
    '',
    'a1b2c3'
  ])('refuses the id %j', async (id) => {
    expect(await resolveAssetFile(library, id, 'original')).toBeNull()
  })
  it.each(['../original', 'original/..', 'secret', '', 'ORIGINAL'])(
    'refuses the rendition %j',
    async (rendition) => {
      expect(await resolveAssetFile(library, ID, rendition)).toBeNull()
    }
  )
  it('refuses a symlink that leads out of the library', async () => {
    await writeFile(join(assetDir(library, ID), 'preview.jpg.tmp'), '')
    await symlink(join(root, 'secret.txt'), join(assetDir(library, ID), 'preview.jpg'))
    expect(await resolveAssetFile(library, ID, 'preview')).toBeNull()
  })
})
