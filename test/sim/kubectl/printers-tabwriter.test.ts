// The tabwriter (kubectl/printers/table.ts) against a plain restatement of its rules, over random
// tables: cells with tabs, newlines, emoji (two UTF-16 units, one rune), lone surrogates, empty
// cells, ragged rows. Every `get` table and every describe goes through it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cellWidth, printTable, tabwrite } from '../../../worker/sim/kubectl/printers/table'

/** The rules, stated plainly: cells end at tabs; a column's width is set per block of lines. */
function reference(text: string, minWidth: number, padding: number): string {
  const lines = text.split('\n').map((l) => l.split('\t'))
  const runes = (s: string) => [...s].length
  const widths = lines.map((cells) => new Array<number>(Math.max(0, cells.length - 1)).fill(0))
  const maxCells = Math.max(0, ...lines.map((c) => c.length - 1))
  for (let col = 0; col < maxCells; col++) {
    let start = 0
    while (start < lines.length) {
      if (lines[start]!.length - 1 <= col) {
        start++
        continue
      }
      let end = start
      let width = minWidth
      while (end < lines.length && lines[end]!.length - 1 > col) {
        width = Math.max(width, runes(lines[end]![col]!) + padding)
        end++
      }
      for (let i = start; i < end; i++) widths[i]![col] = width
      start = end
    }
  }
  return lines
    .map((cells, i) =>
      cells
        .map((c, j) => (j < cells.length - 1 ? c + ' '.repeat(widths[i]![j]! - runes(c)) : c))
        .join(''),
    )
    .join('\n')
}

const cell = fc.stringMatching(/^(a|bb|é|\t|\n| |😀|\uD800|\uDC00|\uE000|-){0,6}$/)
const table = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 })

describe('the tabwriter', () => {
  it('pads every cell as the plain rules say, over random tables', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map((r) => r.join('\t')).join('\n') + '\n'
        expect(printTable(rows)).toBe(rows.length === 0 ? '' : reference(text, 6, 3))
      }),
      { numRuns: 3000 },
    )
  })

  it('pads text as the plain rules say, at any minimum width and padding', () => {
    const text = fc.array(cell, { maxLength: 12 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.nat(8), fc.nat(4), (t, min, pad) => {
        expect(tabwrite(t, min, pad)).toBe(reference(t, min, pad))
      }),
      { numRuns: 3000 },
    )
  })

  it('counts runes as Go does, one per surrogate pair and one per lone surrogate', () => {
    expect(cellWidth('nginx-😀')).toBe(7)
    expect(cellWidth('\uD800x\uDC00')).toBe(3)
    expect(cellWidth('\uD800\uE000')).toBe(2)
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(cellWidth(s)).toBe([...s].length)
      }),
      { numRuns: 3000 },
    )
  })
})
