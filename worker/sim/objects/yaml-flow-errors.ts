// Where go-yaml stops in an unclosed or broken one-level flow collection (`[a, b` / `{a: b`):
// after an entry it wants `,` or the closing bracket, and a multi-line plain scalar runs on until
// a `:` (parserc.go parse_flow_sequence_entry / parse_flow_mapping_key).

export interface FlowError {
  problem: string
  /** scanner errors: 1-based line; parser errors: go-yaml's 0-based mark line */
  line: number
  scanner: boolean
  /** where the broken collection opens */
  open: number
}

/** The first unclosed or broken flow collection and go-yaml's complaint about it, if any. */
export function flowError(doc: string): FlowError | undefined {
  const found = [flowIn(doc, ']'), flowIn(doc, '}')].filter((x) => x !== undefined)
  return found.sort((a, b) => a.open - b.open)[0]
}

function flowIn(doc: string, close: ']' | '}'): FlowError | undefined {
  const open = close === ']' ? '[' : '{'
  for (let i = doc.indexOf(open); i >= 0; i = doc.indexOf(open, i + 1)) {
    if (i > 0 && !/[\s:-]/.test(doc[i - 1] ?? '')) continue
    const r = walk(doc, i + 1, close)
    if (r === 'closed') continue
    if (r === undefined) return undefined
    if (typeof r === 'object')
      return {
        problem: 'found a tab character that violates indentation',
        line: r.tab + 1,
        scanner: true,
        open: i,
      }
    return { problem: `did not find expected ',' or '${close}'`, line: r, scanner: false, open: i }
  }
  return undefined
}

const lineOf = (doc: string, i: number) => doc.slice(0, i).split('\n').length - 1

function walk(
  doc: string,
  start: number,
  close: string,
): number | { tab: number } | 'closed' | undefined {
  let i = start
  let expectEntry = true
  for (;;) {
    while (i < doc.length && /\s/.test(doc[i] ?? '')) i++
    if (doc[i] === '#' && /\s/.test(doc[i - 1] ?? '')) {
      while (i < doc.length && doc[i] !== '\n') i++
      continue
    }
    if (i >= doc.length) return lineOf(doc, doc.length)
    const c = doc[i] ?? ''
    if (c === close) return 'closed'
    if (!expectEntry) {
      if (c !== ',') return lineOf(doc, i)
      expectEntry = true
      i++
      continue
    }
    if ('[{]}'.includes(c)) return undefined
    const end = c === '"' || c === "'" ? quotedEnd(doc, i, c) : plainEnd(doc, i)
    if (end === undefined) return undefined
    const text = doc.slice(i, end)
    const multiLine = text.includes('\n')
    const tab = text.indexOf('\n\t')
    if (tab >= 0 && c !== '"' && c !== "'") return { tab: lineOf(doc, i + tab + 1) }
    i = end
    while (doc[i] === ' ') i++
    if (doc[i] === ':' && /[\s,\]}]|^$/.test(doc[i + 1] ?? '')) {
      if (multiLine) return lineOf(doc, i)
      i++
      continue
    }
    expectEntry = false
  }
}

function quotedEnd(doc: string, i: number, q: string): number | undefined {
  for (let j = i + 1; j < doc.length; j++) {
    if (q === '"' && doc[j] === '\\') j++
    else if (doc[j] === q) {
      if (q === "'" && doc[j + 1] === "'") j++
      else return j + 1
    }
  }
  return undefined
}

function plainEnd(doc: string, i: number): number {
  let j = i
  while (j < doc.length) {
    const c = doc[j] ?? ''
    if (',[]{}'.includes(c)) break
    if (c === ':' && /[\s,\]}]/.test(doc[j + 1] ?? ' ')) break
    if (c === '#' && /\s/.test(doc[j - 1] ?? '')) break
    j++
  }
  while (j > i && /\s/.test(doc[j - 1] ?? '')) j--
  return j
}

/**
 * `key: [a, b]: x`: a flow collection in value position cannot be a key (simple keys are not
 * allowed after `: `), so go-yaml stops at that `:` with a scanner error; the 1-based line.
 */
export function flowKeyInValueLine(doc: string): number | undefined {
  const lines = doc.split('\n')
  const i = lines.findIndex((l) => /^\s*(- )?[^#'"[{]*:\s+[[{][^#]*[\]}]:(\s|$)/.test(l))
  return i < 0 ? undefined : i + 1
}
