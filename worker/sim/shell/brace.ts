// Brace expansion (bash, before every other expansion): `{1..20}`, `{01..10}`, `{a..e}`,
// `{1..10..2}`, `{a,b,c}`, nested and combined, in the unquoted text of a word.

import type { Word, WordPart } from './ast'

/** Past this many words bash would still go on; a terminal line does not need more. */
const MAX_WORDS = 10_000

/** bash brace expansion of one word into several (bash's brace_expand); quoted text is left alone. */
export function expandBraces(word: Word): Word[] {
  for (let i = 0; i < word.length; i++) {
    const part = word[i] as WordPart
    if (part.t !== 'lit' || part.quoted) continue
    const found = findGroup(part.v)
    if (!found) continue
    const { start, end, items } = found
    const before = part.v.slice(0, start)
    const after = part.v.slice(end + 1)
    const out: Word[] = []
    for (const item of items) {
      const w: Word = [...word.slice(0, i), { t: 'lit', v: before + item, quoted: false }]
      if (after) w.push({ t: 'lit', v: after, quoted: false })
      w.push(...word.slice(i + 1))
      for (const e of expandBraces(w)) {
        out.push(e)
        if (out.length >= MAX_WORDS) return out
      }
    }
    return out
  }
  return [word]
}

function findGroup(text: string): { start: number; end: number; items: string[] } | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0
    for (let j = start; j < text.length; j++) {
      if (text[j] === '{') depth++
      else if (text[j] === '}' && --depth === 0) {
        const items = groupItems(text.slice(start + 1, j))
        if (items) return { start, end: j, items }
        break
      }
    }
  }
  return undefined
}

function groupItems(inner: string): string[] | undefined {
  const seq = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(inner)
  if (seq) return sequence(seq[1] as string, seq[2] as string, seq[3])
  const items: string[] = []
  let depth = 0
  let cur = ''
  for (const c of inner) {
    if (c === ',' && depth === 0) {
      items.push(cur)
      cur = ''
      continue
    }
    if (c === '{') depth++
    if (c === '}') depth--
    cur += c
  }
  items.push(cur)
  return items.length > 1 ? items : undefined
}

function sequence(a: string, b: string, stepText: string | undefined): string[] | undefined {
  const step = Math.abs(Number(stepText ?? 1)) || 1
  const numeric = /^-?\d+$/.test(a) && /^-?\d+$/.test(b)
  if (!numeric && (/\d/.test(a) || /\d/.test(b))) return undefined
  const from = numeric ? Number(a) : a.charCodeAt(0)
  const to = numeric ? Number(b) : b.charCodeAt(0)
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0
  const out: string[] = []
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    out.push(numeric ? String(v).padStart(width, '0') : String.fromCharCode(v))
    if (out.length >= MAX_WORDS) break
  }
  return out
}
