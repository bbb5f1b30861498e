// kubectl's tabwriter (cli-runtime pkg/printers/tabwriter.go: minwidth 6, padding 3, padchar ' '):
// every cell but the last of a row is padded to its column's width; the last is written as is.

const MIN_WIDTH = 6
const PADDING = 3

/** Aligns rows like Go's text/tabwriter as kubectl configures it. Each row ends with a newline. */
export function printTable(rows: string[][]): string {
  const widths: number[] = []
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      const w = Math.max(MIN_WIDTH, cellWidth(row[i] ?? '') + PADDING)
      if (w > (widths[i] ?? 0)) widths[i] = w
    }
  }
  let out = ''
  for (const row of rows) {
    let line = ''
    row.forEach((cell, i) => {
      line += i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - cellWidth(cell))
    })
    out += line + '\n'
  }
  return out
}

/** tabwriter counts UTF-8 runes, not UTF-16 code units. */
function cellWidth(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}
