import { describe, expect, it } from 'vitest'
import {
  EMPTY_SELECTION,
  clickSelection,
  keepVisible,
  toggleSelection,
  type GridSelection
} from './gridSelection'

const order = ['a', 'b', 'c', 'd', 'e']
const plain = { toggle: false, range: false }
const ctrl = { toggle: true, range: false }
const shift = { toggle: false, range: true }
const ctrlShift = { toggle: true, range: true }

function clicks(...steps: Array<[string, typeof plain]>): GridSelection {
  return steps.reduce((s, [id, m]) => clickSelection(s, order, id, m), EMPTY_SELECTION)
}

describe('grid selection', () => {
  it('a plain click selects only that photo', () => {
    expect(clicks(['b', ctrl], ['d', ctrl], ['c', plain])).toEqual({ ids: ['c'], anchor: 'c' })
  })

  it('Ctrl+click keeps the picking order, which becomes the gallery order', () => {
    expect(clicks(['d', ctrl], ['a', ctrl], ['c', ctrl]).ids).toEqual(['d', 'a', 'c'])
    expect(clicks(['d', ctrl], ['a', ctrl], ['d', ctrl]).ids).toEqual(['a'])
  })

  it('Shift+click selects the run from the anchor in grid order, either direction', () => {
    expect(clicks(['b', plain], ['d', shift]).ids).toEqual(['b', 'c', 'd'])
    expect(clicks(['d', plain], ['b', shift]).ids).toEqual(['b', 'c', 'd'])
    expect(clicks(['d', plain], ['b', shift], ['e', shift]).ids).toEqual(['d', 'e'])
  })

  it('Ctrl+Shift adds a run to what was picked; Shift with no anchor acts as a click', () => {
    expect(clicks(['e', ctrl], ['a', ctrl], ['c', ctrlShift]).ids).toEqual(['e', 'a', 'b', 'c'])
    expect(clicks(['c', shift])).toEqual({ ids: ['c'], anchor: 'c' })
  })

  it('Space toggles, and photos that left the grid leave the selection', () => {
    const s = toggleSelection(toggleSelection(EMPTY_SELECTION, 'b'), 'e')
    expect(s.ids).toEqual(['b', 'e'])
    expect(keepVisible(s, ['a', 'b'])).toEqual({ ids: ['b'], anchor: null })
    expect(keepVisible(s, order)).toBe(s)
  })
})
