import { describe, expect, it } from 'vitest'
import { escapeControls, oneLine, terminalSafe, type CliIo } from './cliIo'

describe('escapeControls', () => {
  it('writes C0 and C1 controls and DEL out as \\u escapes, keeping tab and line feed', () => {
    const osc = '\u001b]0;pwned\u0007'
    expect(escapeControls(`${osc}Titel\u001b[2J\r\u009b1m\u007f\tend\n`)).toBe(
      '\\u001b]0;pwned\\u0007Titel\\u001b[2J\\u000d\\u009b1m\\u007f\tend\n'
    )
    expect(escapeControls('Straße – “Zitat” 😀')).toBe('Straße – “Zitat” 😀')
  })

  it('keeps JSON valid and meaning the same', () => {
    const value = { headline: 'a\u001bb\u009bc\u007fd\u0000' }
    const printed = escapeControls(JSON.stringify(value))
    expect([...printed].filter((c) => c !== escapeControls(c))).toEqual([])
    expect(JSON.parse(printed)).toEqual(value)
  })

  it('oneLine escapes tab and line feed as well', () => {
    expect(oneLine('Zeile 1\nZeile 2\tEnde')).toBe('Zeile 1\\u000aZeile 2\\u0009Ende')
  })

  it('terminalSafe escapes both streams', () => {
    const seen: string[] = []
    const io: CliIo = {
      out: (t) => seen.push(`out ${t}`),
      err: (t) => seen.push(`err ${t}`),
      env: {},
      cwd: '/'
    }
    const safe = terminalSafe(io)
    safe.out('a\u001bb')
    safe.err('c\u0000d')
    expect(seen).toEqual(['out a\\u001bb', 'err c\\u0000d'])
  })
})
