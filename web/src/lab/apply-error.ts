// Which manifest line a `kubectl apply -f -` error is about, so the editor can point at it.

/** `error parsing STDIN: error converting YAML to JSON: yaml: line 10: ...` -> 10 */
export function yamlErrorLine(stderr: string): number | undefined {
  const m = /yaml: line (\d+)/.exec(stderr) ?? /\bline (\d+)/.exec(stderr)
  return m ? Number(m[1]) : undefined
}

interface Line {
  n: number
  indent: number
  dash: boolean
  keyCol: number
  key: string
}

function scan(lines: string[], offset: number): Line[] {
  const out: Line[] = []
  lines.forEach((text, i) => {
    const m = /^( *)(- +)?(?:(["']?)([\w.\-/]+)\3\s*:(?:\s|$))?/.exec(text)
    if (!m || !text.trim() || text.trim().startsWith('#')) return
    const indent = m[1]?.length ?? 0
    const dash = Boolean(m[2])
    out.push({
      n: offset + i + 1,
      indent,
      dash,
      keyCol: indent + (m[2]?.length ?? 0),
      key: m[4] ?? '',
    })
  })
  return out
}

/** `spec.ports[0].nodePort` -> ['spec', 'ports', 0, 'nodePort'] */
function segments(path: string): (string | number)[] {
  return path
    .split('.')
    .flatMap((part) =>
      [...part.matchAll(/([^[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] ? Number(m[2]) : (m[1] ?? ''))),
    )
}

/** Follows a field path through indentation; the line of the deepest part found. */
export function fieldLine(lines: Line[], path: string): number | undefined {
  let range = lines
  let found: number | undefined
  for (const seg of segments(path)) {
    const first = range[0]
    if (!first) break
    if (typeof seg === 'number') {
      const items = range.filter((l) => l.dash && l.indent === first.indent)
      const item = items[seg]
      if (!first.dash || !item) break
      const next = items[seg + 1]
      range = range.filter((l) => l.n >= item.n && (!next || l.n < next.n))
      found = item.n
      continue
    }
    const col = first.keyCol
    const at = range.findIndex((l) => l.keyCol === col && l.key === seg)
    const line = range[at]
    if (!line) break
    found = line.n
    const rest = range.slice(at + 1)
    const end = rest.findIndex((l) => l.indent < col || (l.indent === col && !l.dash))
    range = end === -1 ? rest : rest.slice(0, end)
  }
  return found
}

/** The document of a multi-document manifest that holds the named object, with its first line. */
function documentOf(
  text: string,
  kind?: string,
  name?: string,
): { lines: string[]; offset: number } {
  const all = text.split('\n')
  const docs: { lines: string[]; offset: number }[] = [{ lines: [], offset: 0 }]
  all.forEach((l, i) => {
    if (/^---/.test(l)) docs.push({ lines: [], offset: i + 1 })
    else docs[docs.length - 1]?.lines.push(l)
  })
  const holds = (d: { lines: string[] }) =>
    (!kind || d.lines.some((l) => new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`).test(l))) &&
    (!name || d.lines.some((l) => new RegExp(`^\\s+name:\\s*["']?${name}["']?\\s*$`).test(l)))
  return (
    docs.find(holds) ?? docs.find((d) => d.lines.some((l) => l.trim())) ?? { lines: all, offset: 0 }
  )
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The manifest line an apply error names: a YAML line, or the field a validation error names. */
export function applyErrorLine(stderr: string, manifest: string): number | undefined {
  const yaml = yamlErrorLine(stderr)
  if (yaml) return yaml
  const invalid = /The (\w+) "([^"]+)" is invalid: \[?([A-Za-z][\w.[\]]*):/.exec(stderr)
  const unknown = /unknown field "([A-Za-z][\w.[\]]*)"/.exec(stderr)
  const decode = /cannot be handled as an? (\w+):.*Go struct field \w+\.([\w.]+) of type/.exec(
    stderr,
  )
  const kind = invalid?.[1] ?? /handled as an? (\w+)/.exec(stderr)?.[1]
  const path = invalid?.[3] ?? unknown?.[1] ?? decode?.[2]
  if (!path) return undefined
  const doc = documentOf(manifest, kind && escape(kind), invalid?.[2] && escape(invalid[2]))
  return fieldLine(scan(doc.lines, doc.offset), path)
}
