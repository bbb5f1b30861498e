// Interactive bash's history expansion (bash's lib/readline/histexpand.c, the common designators):
// `!!`, `!N`, `!-N`, `!prefix`. Not inside single quotes or after a backslash; `!` before a blank,
// `=`, `(` or the end stays as typed. The expanded line is echoed, as bash does.

export type Expanded = { ok: true; line: string; changed: boolean } | { ok: false; error: string }

export function expandHistory(line: string, history: string[]): Expanded {
  if (!line.includes('!')) return { ok: true, line, changed: false }
  let out = ''
  let changed = false
  let single = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === '\\' && !single) {
      out += c + (line[i + 1] ?? '')
      i++
      continue
    }
    if (c === "'") single = !single
    if (c !== '!' || single) {
      out += c
      continue
    }
    const m = /^!(!|-?\d+|[A-Za-z][^\s;|&()<>]*)/.exec(line.slice(i))
    if (!m) {
      out += c
      continue
    }
    const event = find(m[1] as string, history)
    if (event === undefined) return { ok: false, error: `bash: ${m[0]}: event not found\n` }
    out += event
    changed = true
    i += m[0].length - 1
  }
  return { ok: true, line: out, changed }
}

/** The event a designator names, itself expanded against the lines before it (the history the
 * platform keeps holds lines as typed, `!!` included, where bash would keep them expanded). */
function find(designator: string, history: string[]): string | undefined {
  let index = -1
  if (designator === '!') index = history.length - 1
  else if (/^-\d+$/.test(designator)) index = history.length + Number(designator)
  else if (/^\d+$/.test(designator)) index = Number(designator) - 1
  else {
    for (let i = history.length - 1; i >= 0 && index < 0; i--) {
      if (history[i]?.startsWith(designator)) index = i
    }
  }
  const event = history[index]
  if (event === undefined) return undefined
  const inner = expandHistory(event, history.slice(0, index))
  return inner.ok ? inner.line : event
}
