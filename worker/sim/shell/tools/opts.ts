// getopt(3) as GNU tools parse short options: clusters (`-ic`), attached values (`-n5`), `--`.

export interface Parsed {
  flags: Map<string, string | true>
  /** every value of a repeatable option (`-e a -e b`) */
  all: Map<string, string[]>
  operands: string[]
  /** the offending option letter, for `invalid option -- 'x'` */
  bad?: string
  /** an option that needs a value and got none */
  missing?: string
}

/** `valued`: letters taking a value; `known`: all letters accepted; long options map to letters. */
export function getopt(
  args: string[],
  known: string,
  valued: string,
  long: Record<string, string> = {},
): Parsed {
  const r: Parsed = { flags: new Map(), all: new Map(), operands: [] }
  const set = (k: string, v: string | true) => {
    r.flags.set(k, v)
    if (typeof v === 'string') r.all.set(k, [...(r.all.get(k) ?? []), v])
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      r.operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, value] = a.slice(2).split(/=(.*)/s)
      const letter = long[name ?? '']
      if (letter === undefined) {
        r.bad = a
        return r
      }
      if (valued.includes(letter)) set(letter, value ?? args[++i] ?? '')
      else set(letter, true)
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      r.operands.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string
      if (!known.includes(c)) {
        r.bad = c
        return r
      }
      if (!valued.includes(c)) {
        set(c, true)
        continue
      }
      const rest = a.slice(j + 1)
      const v = rest !== '' ? rest : args[++i]
      if (v === undefined) {
        r.missing = c
        return r
      }
      set(c, v)
      break
    }
  }
  return r
}

/** Lines of a text; a final newline does not start another line. */
export function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Lines back into text with a final newline (none for no lines). */
export function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}
