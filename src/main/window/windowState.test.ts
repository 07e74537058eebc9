import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadWindowState, saveWindowState } from './windowState'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-window-state-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('window state', () => {
  it('round-trips bounds, including negative coordinates', () => {
    const file = join(dir, 'window-state.json')
    const rect = { x: -1200, y: 40, width: 1000, height: 700 }
    saveWindowState(file, rect)
    expect(loadWindowState(file)).toEqual(rect)
  })

  it('creates the folder and leaves no temp files behind', () => {
    const file = join(dir, 'nested', 'deeper', 'window-state.json')
    saveWindowState(file, { x: 1, y: 2, width: 3, height: 4 })
    saveWindowState(file, { x: 5, y: 6, width: 7, height: 8 })
    expect(readdirSync(join(dir, 'nested', 'deeper'))).toEqual(['window-state.json'])
    expect(loadWindowState(file)).toEqual({ x: 5, y: 6, width: 7, height: 8 })
  })

  it('writes plain versioned JSON', () => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { x: 1, y: 2, width: 3, height: 4 })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      bounds: { x: 1, y: 2, width: 3, height: 4 }
    })
  })

  it('returns null for a missing file', () => {
    expect(loadWindowState(join(dir, 'absent.json'))).toBeNull()
  })

  it('returns null when the path is a folder', () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    expect(loadWindowState(folder)).toBeNull()
  })

  it.each([
    ['empty', ''],
    ['truncated JSON', '{"version":1,"bounds":{"x":1'],
    ['a JSON null', 'null'],
    ['a JSON array', '[1,2,3,4]'],
    ['another version', '{"version":2,"bounds":{"x":1,"y":2,"width":3,"height":4}}'],
    ['no version', '{"bounds":{"x":1,"y":2,"width":3,"height":4}}'],
    ['string numbers', '{"version":1,"bounds":{"x":"1","y":2,"width":3,"height":4}}'],
    ['a missing field', '{"version":1,"bounds":{"x":1,"y":2,"width":3}}'],
    ['a negative size', '{"version":1,"bounds":{"x":1,"y":2,"width":-3,"height":4}}'],
    ['a zero size', '{"version":1,"bounds":{"x":1,"y":2,"width":0,"height":4}}'],
    ['a huge number', '{"version":1,"bounds":{"x":1e400,"y":2,"width":3,"height":4}}'],
    ['binary garbage', '\u0000\u0001\u00ff\u00fe']
  ])('returns null for %s', (_name, content) => {
    const file = join(dir, 'window-state.json')
    writeFileSync(file, content)
    expect(loadWindowState(file)).toBeNull()
  })

  it('returns null for an oversized file without parsing it', () => {
    const file = join(dir, 'window-state.json')
    const padding = ' '.repeat(70 * 1024)
    writeFileSync(file, `{"version":1,"bounds":{"x":1,"y":2,"width":3,"height":4}}${padding}`)
    expect(loadWindowState(file)).toBeNull()
  })

  it.each([
    { x: Number.NaN, y: 0, width: 10, height: 10 },
    { x: 0, y: 0, width: 0, height: 10 },
    { x: 0, y: 0, width: 10, height: Number.POSITIVE_INFINITY }
  ])('refuses to save invalid bounds %j and keeps the old file', (rect) => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { x: 1, y: 2, width: 3, height: 4 })
    expect(() => saveWindowState(file, rect)).toThrow(TypeError)
    expect(loadWindowState(file)).toEqual({ x: 1, y: 2, width: 3, height: 4 })
  })

  it('cleans up its temp file when the rename fails', () => {
    const target = join(dir, 'occupied')
    mkdirSync(join(target, 'child'), { recursive: true })
    expect(() => saveWindowState(target, { x: 1, y: 2, width: 3, height: 4 })).toThrow()
    expect(readdirSync(dir)).toEqual(['occupied'])
  })
})
