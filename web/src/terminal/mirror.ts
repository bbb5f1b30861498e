// Keeps a text copy of the terminal's buffer in a DOM element, one div per logical line (rows
// that xterm wrapped are joined), touching only the lines that changed.

/** The slice of xterm's IBuffer the mirror reads. */
export interface BufferLike {
  readonly length: number
  getLine(
    y: number,
  ): { readonly isWrapped: boolean; translateToString(trim?: boolean): string } | undefined
}

/** The buffer as logical lines, trailing blank rows dropped. */
export function bufferLines(b: BufferLike): string[] {
  const lines: string[] = []
  for (let y = 0; y < b.length; y++) {
    const row = b.getLine(y)
    if (!row) continue
    const text = row.translateToString(true)
    if (row.isWrapped && lines.length) lines[lines.length - 1] += text
    else lines.push(text)
  }
  while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop()
  return lines
}

export function mirrorScreen(b: BufferLike, el: HTMLElement): void {
  const lines = bufferLines(b)
  const rows = el.children
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const row = rows[i]
    if (!row) {
      const div = document.createElement('div')
      div.textContent = text
      el.appendChild(div)
    } else if (row.textContent !== text) row.textContent = text
  }
  while (el.children.length > lines.length) el.lastElementChild?.remove()
}
