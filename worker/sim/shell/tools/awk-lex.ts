// The tokens of an awk program: numbers, strings, /regex/ (where an operand may start), names,
// built-in function names followed by `(`, operators and newlines.

import { AwkSyntaxError } from './awk-ast'

export type Tok = { t: 'num' | 'str' | 're' | 'name' | 'func' | 'op' | 'nl' | 'eof'; v: string }

const OPS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '--',
  '!~',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '=',
  '$',
  '?',
  ':',
]
const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'tolower',
  'toupper',
  'int',
  'sprintf',
  'sub',
  'gsub',
  'match',
])

/** Splits an awk program into tokens; throws AwkSyntaxError for an unterminated string or regex. */
export function lex(src: string): Tok[] {
  const toks: Tok[] = []
  let i = 0
  const operandEnd = () => {
    const last = toks[toks.length - 1]
    return (
      last !== undefined &&
      (['num', 'str', 'name', 're'].includes(last.t) ||
        (last.t === 'op' && [')', ']', '++', '--', '$'].includes(last.v) && last.v !== '$'))
    )
  }
  while (i < src.length) {
    const c = src[i] as string
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) i += c === '\\' ? 2 : 1
    else if (c === '\n') {
      toks.push({ t: 'nl', v: '\n' })
      i++
    } else if (c === '#') while (i < src.length && src[i] !== '\n') i++
    else if (/[0-9.]/.test(c) && /[0-9]/.test(src[i + (c === '.' ? 1 : 0)] ?? '')) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i)) as RegExpExecArray
      toks.push({ t: 'num', v: m[0] })
      i += m[0].length
    } else if (c === '"') {
      let s = ''
      for (i++; i < src.length && src[i] !== '"'; i++) {
        if (src[i] === '\\') {
          const n = src[++i] ?? ''
          s +=
            ({ n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' } as Record<string, string>)[n] ??
            '\\' + n
        } else s += src[i]
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant')
      i++
      toks.push({ t: 'str', v: s })
    } else if (c === '/' && !operandEnd()) {
      let s = ''
      for (i++; i < src.length && src[i] !== '/'; i++)
        s += src[i] === '\\' && src[i + 1] === '/' ? src[++i] : src[i]
      if (i >= src.length) throw new AwkSyntaxError('runaway regular expression')
      i++
      toks.push({ t: 're', v: s })
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray
      i += m[0].length
      toks.push({ t: BUILTINS.has(m[0]) && src[i] === '(' ? 'func' : 'name', v: m[0] })
    } else {
      const op = OPS.find((o) => src.startsWith(o, i))
      if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`)
      toks.push({ t: 'op', v: op })
      i += op.length
    }
  }
  toks.push({ t: 'eof', v: '' })
  return toks
}

/** Parses an awk program into rules; throws AwkSyntaxError for what awk would refuse. */
