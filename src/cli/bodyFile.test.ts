import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PmNode } from '../shared/article'
import { plainTextOf } from '../shared/articleText'
import { bodyProblem } from '../shared/editor/extensions'
import { needsNodeIds } from '../shared/editor/nodeIds'
import { readBodyFile } from './bodyFile'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-body-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function read(name: string, content: string): Promise<PmNode> {
  const file = join(dir, name)
  await writeFile(file, content)
  return readBodyFile(file)
}

describe('readBodyFile', () => {
  it('.md: Markdown becomes a valid body with structure, marks and links', async () => {
    const body = await read(
      'artikel.md',
      '# Titel\n\nEin **fetter** und *kursiver* Satz mit [Link](https://example.com/).\n\n- eins\n- zwei\n'
    )
    expect(bodyProblem(body)).toBeNull()
    expect(needsNodeIds(body)).toBe(false)
    expect(body.content!.map((n) => n.type)).toEqual(['heading', 'paragraph', 'bulletList'])
    expect(plainTextOf(body)).toBe(
      'Titel\n\nEin fetter und kursiver Satz mit Link.\n\neins\n\nzwei'
    )
    expect(JSON.stringify(body)).toContain('"href":"https://example.com/"')
  })

  it('.markdown is Markdown too', async () => {
    const body = await read('a.markdown', '## Zwischentitel')
    expect(body.content![0]).toMatchObject({ type: 'heading', attrs: { level: 2 } })
  })

  it('.html and .htm: cleaned like a paste', async () => {
    for (const name of ['a.html', 'b.HTM']) {
      const body = await read(
        name,
        '<p onclick="alert(1)">Text <b>fett</b></p><script>alert(1)</script><a href="javascript:x">weg</a>'
      )
      expect(bodyProblem(body)).toBeNull()
      expect(plainTextOf(body)).toBe('Text fett\n\nweg')
      expect(JSON.stringify(body)).not.toMatch(/script|onclick|javascript/)
    }
  })

  it('.txt: paragraphs get node ids as well', async () => {
    const body = await read('a.txt', 'Eins\n\nZwei')
    expect(needsNodeIds(body)).toBe(false)
    expect(plainTextOf(body)).toBe('Eins\n\nZwei')
  })

  it('refuses other types with a message naming the accepted ones', async () => {
    await expect(read('a.rtf', 'x')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('unsupported type ".rtf"; use .txt, .md, .html or .docx')
    })
  })
})
