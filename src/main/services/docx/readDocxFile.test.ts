import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { MAX_DOCX_BYTES } from '../../../shared/contract/docx'
import { buildDocx, STORY } from './__fixtures__/docxWriter'
import { readChosenDocx } from './readDocxFile'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-docx-read-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('reads a chosen document whole, and a huge file only to one byte past the limit', async () => {
  const story = await buildDocx(STORY)
  await writeFile(join(dir, 'gipfel.docx'), story)
  const read = await readChosenDocx(join(dir, 'gipfel.docx'))
  expect(read.name).toBe('gipfel.docx')
  expect(Buffer.from(read.bytes).equals(story)).toBe(true)

  // A sparse file: large on paper, nothing on the disk.
  await writeFile(join(dir, 'riesig.docx'), '')
  await truncate(join(dir, 'riesig.docx'), MAX_DOCX_BYTES * 3)
  expect((await readChosenDocx(join(dir, 'riesig.docx'))).bytes.byteLength).toBe(MAX_DOCX_BYTES + 1)
})
