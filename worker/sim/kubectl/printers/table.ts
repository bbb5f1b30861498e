// Go's text/tabwriter as kubectl configures it. A cell is text ended by a tab; the text after a
// line's last tab is not a cell and is never padded. A column's width is set per block: the
// maximal run of consecutive lines that all have a cell in that column.

/** tabwriter over tab-separated text: each cell padded to max(minWidth, widest in block + padding). */
export function tabwrite(text: string, minWidth: number, padding: number): string {
  return tabwriteLines(
    text.split('\n').map((l) => l.split('\t')),
    minWidth,
    padding,
  )
}

/** tabwrite over text already split into lines and those at their tabs. */
function tabwriteLines(lines: string[][], minWidth: number, padding: number): string {
  // each cell's width in runes, then (per column block) the width it is padded to
  const widths = lines.map((cells) => {
    const w = new Array<number>(cells.length - 1)
    for (let j = 0; j < w.length; j++) w[j] = cellWidth(cells[j] as string)
    return w
  })
  const padded = widths.map((w) => new Array<number>(w.length))
  let maxCells = 0
  for (const w of widths) if (w.length > maxCells) maxCells = w.length
  for (let col = 0; col < maxCells; col++) {
    let start = 0
    while (start < lines.length) {
      let end = start
      let width = minWidth
      for (; end < lines.length && (widths[end] as number[]).length > col; end++)
        width = Math.max(width, ((widths[end] as number[])[col] as number) + padding)
      for (let i = start; i < end; i++) (padded[i] as number[])[col] = width
      start = end === start ? start + 1 : end
    }
  }
  let out = ''
  lines.forEach((cells, i) => {
    if (i > 0) out += '\n'
    const w = widths[i] as number[]
    const to = padded[i] as number[]
    for (let j = 0; j < w.length; j++)
      out += (cells[j] as string) + ' '.repeat((to[j] as number) - (w[j] as number))
    out += cells[w.length] as string
  })
  return out
}

/** kubectl get's tabwriter (cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3). */
export function printTable(rows: string[][]): string {
  if (rows.length === 0) return ''
  // the rows are the text's lines and cells already, unless a cell holds a tab or a newline
  if (rows.some((r) => r.some((c) => c.includes('\t') || c.includes('\n'))))
    return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', 6, 3)
  return tabwriteLines([...rows.map((r) => (r.length === 0 ? [''] : r)), ['']], 6, 3)
}

/** tabwriter counts UTF-8 runes, not UTF-16 code units. */
export function cellWidth(s: string): number {
  // as many as UTF-16 units, less one per surrogate pair (for-of's count, several times faster)
  let n = s.length
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff) continue
    const d = s.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) {
      n -= 1
      i += 1
    }
  }
  return n
}
