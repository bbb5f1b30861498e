// `echo` and `printf` (bash builtins / GNU coreutils; dash's echo always interprets escapes).

import type { ProcessResult } from '../../context'
import { checkStringLength } from '../io'
import { bytesOfText, textOfBytes } from '../bytes'

/**
 * Backslash escapes of `echo -e`, `printf %b` and printf formats; `\c` ends the output. `\NNN` and
 * `\xHH` are a byte: `\303\251` is é, `\377` alone a byte that is not UTF-8 (bytes.ts); `\uHHHH`
 * and `\UHHHHHHHH` a character. Without a hex digit after it, `\x` stays as typed (bash).
 */
export function unescape(s: string): { text: string; stop: boolean } {
  const r = unescapeChars(s)
  return /[\udc80-\udcff]/.test(r.text) ? { ...r, text: textOfBytes(bytesOfText(r.text)) } : r
}

function unescapeChars(s: string): { text: string; stop: boolean } {
  let text = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i === s.length - 1) {
      text += c
      continue
    }
    const n = s[++i] as string
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
      '\\': '\\',
    }
    if (n in simple) text += simple[n]
    else if (n === 'c') return { text, stop: true }
    else if (n === '0' || /[1-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(n === '0' ? i + 1 : i)) ?? ['']
      const byte = parseInt(m[0] || '0', 8) & 255
      text += String.fromCharCode(byte < 0x80 ? byte : 0xdc00 + byte)
      i += m[0].length - (n === '0' ? 0 : 1)
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(s.slice(i + 1))) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0]
      const byte = parseInt(hex, 16)
      text += String.fromCharCode(byte < 0x80 ? byte : 0xdc00 + byte)
      i += hex.length
    } else if ((n === 'u' || n === 'U') && /^[0-9a-fA-F]/.test(s.slice(i + 1))) {
      const hex = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1))![0]
      const code = parseInt(hex, 16)
      text += code <= 0x10ffff ? String.fromCodePoint(code) : '\\' + n + hex
      i += hex.length
    } else text += '\\' + n
  }
  return { text, stop: false }
}

/** What `echo ARGS` prints; `interpret`: escapes without -e (dash). */
export function echoText(args: string[], interpret: boolean): string {
  let newline = true
  let escapes = interpret
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    if (!/^-[neE]+$/.test(a) || (interpret && a !== '-n')) break
    if (a.includes('n')) newline = false
    if (a.includes('e')) escapes = true
    if (a.includes('E')) escapes = interpret
  }
  const body = args.slice(i).join(' ')
  if (!escapes) return body + (newline ? '\n' : '')
  const u = unescape(body)
  return u.text + (newline && !u.stop ? '\n' : '')
}

/**
 * `%.Nf`: JavaScript stops at 100 digits; past that the digits are zeros here (glibc goes on with
 * the exact binary expansion, which differs only for fractions no one types).
 */
export function fixed(n: number, digits: number): string {
  checkStringLength(digits)
  const text = n.toFixed(Math.min(digits, 100))
  return digits > 100 ? text + '0'.repeat(digits - 100) : text
}

/** `printf FORMAT [ARG...]`: %s %d %i %u %x %X %o %c %b %f %%, widths and `-`; the format repeats for extra args. */
/**
 * printf(1) and the shells' printf builtins take a first `--` as the end of their options
 * (`printf -- '-----BEGIN ...'`); awk's printf has no options and calls printfText itself.
 */
export function printfCommand(argv: string[]): ProcessResult {
  return printfText(argv[1] === '--' ? argv.slice(2) : argv.slice(1))
}

export function printfText(args: string[]): ProcessResult {
  const format = args[0]
  if (format === undefined)
    return { stdout: '', stderr: 'usage: printf [-v var] format [arguments]\n', exitCode: 2 }
  const rest = args.slice(1)
  let out = ''
  let stderr = ''
  let k = 0
  do {
    const before = k
    const spec = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdiuxXocbf%])/g
    let last = 0
    let m: RegExpExecArray | null
    while ((m = spec.exec(format)) !== null) {
      out += unescape(format.slice(last, m.index)).text
      last = spec.lastIndex
      const conv = m[4] as string
      if (conv === '%') {
        out += '%'
        continue
      }
      const arg = rest[k++] ?? ''
      let v: string
      if ('diuxXo'.includes(conv)) {
        const n = arg === '' ? 0 : Number(arg)
        if (Number.isNaN(n)) stderr += `${arg}: invalid number\n`
        const int = Math.trunc(Number.isNaN(n) ? 0 : n)
        v =
          conv === 'x'
            ? int.toString(16)
            : conv === 'X'
              ? int.toString(16).toUpperCase()
              : conv === 'o'
                ? int.toString(8)
                : String(int)
      } else if (conv === 'f') v = fixed(Number(arg) || 0, m[3] ? Number(m[3]) : 6)
      else if (conv === 'c') v = arg.slice(0, 1)
      else if (conv === 'b') v = unescape(arg).text
      else v = m[3] ? arg.slice(0, Number(m[3])) : arg
      const width = Number(m[2] || 0)
      checkStringLength(out.length + Math.max(width, v.length))
      const left = (m[1] ?? '').includes('-')
      const zero = (m[1] ?? '').includes('0') && !left && conv !== 's'
      out += left ? v.padEnd(width) : v.padStart(width, zero ? '0' : ' ')
    }
    out += unescape(format.slice(last)).text
    if (k === before) break
  } while (k < rest.length)
  return { stdout: out, stderr, exitCode: stderr ? 1 : 0 }
}
