// awk's built-in functions (length, substr, index, tolower, toupper, int, sprintf, split, sub,
// gsub) as mawk/busybox answer them; an unknown function gives the empty string.

import type { Expr } from './awk-ast'
import type { Awk } from './awk-machine'
import { num, str, type Val } from './awk-values'
import { printfText } from './echo'
import { dict } from '../own'

/** A built-in's value in machine `m`; its arguments unevaluated (split, sub and gsub write one). */
export function callBuiltin(m: Awk, name: string, args: Expr[]): Val {
  const v = args.map((a) => a)
  const s = (i: number) => str(m.eval(v[i] ?? { k: 'var', name: '$0' }))
  switch (name) {
    case 'length':
      return v.length === 0 ? m.getField(0).length : s(0).length
    case 'substr': {
      const text = s(0)
      const start = Math.round(num(m.eval(v[1] as Expr)))
      const len = v[2] ? Math.round(num(m.eval(v[2]))) : Infinity
      const from = Math.max(1, start)
      const to = start + len
      return text.slice(from - 1, Math.max(from - 1, to - 1))
    }
    case 'index':
      return s(0).indexOf(s(1)) + 1
    case 'tolower':
      return s(0).toLowerCase()
    case 'toupper':
      return s(0).toUpperCase()
    case 'int':
      return Math.trunc(num(m.eval(v[0] as Expr)))
    case 'sprintf':
      return printfText(v.map((a) => str(m.eval(a)))).stdout
    case 'split': {
      const target = v[1]
      const sep = v[2] ? str(m.eval(v[2])) : str(m.vars.FS ?? ' ')
      const parts =
        sep === ' '
          ? s(0)
              .trim()
              .split(/[ \t]+/)
              .filter(Boolean)
          : s(0).split(sep.length === 1 ? sep : new RegExp(sep))
      if (target?.k === 'var')
        m.arrays[target.name] = dict(Object.fromEntries(parts.map((p, i) => [String(i + 1), p])))
      return parts.length
    }
    case 'sub':
    case 'gsub': {
      const re = v[0]?.k === 're' ? v[0].v : s(0)
      const target = v[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr)
      let count = 0
      const text = str(m.eval(target)).replace(
        new RegExp(re, name === 'gsub' ? 'g' : ''),
        (m) => (count++, s(1).replace(/&/g, m)),
      )
      m.store(target, text)
      return count
    }
    default:
      return ''
  }
}
