// GNU base64: encode (76-column lines) and -d decode, for reading Secrets' data, byte-exact
// (bytes.ts): `head -c 16 /dev/urandom | base64` encodes 16 bytes.

import type { Proc, Tool } from '../host'
import { getopt } from './opts'
import { own } from '../own'
import { bytesOfText, textOfBytes } from '../bytes'
import { readInputs, streamed } from './basic'
import { encodeBase64 } from '../../objects/go-base64'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

// encoding is the one padded alphabet Go and GNU share (objects/go-base64.ts); decoding is GNU's:
// whitespace skipped, an invalid input refused whole

function decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '')
  if (/[^A-Za-z0-9+/=]/.test(clean)) return undefined
  const bytes: number[] = []
  let bits = 0
  let acc = 0
  for (const ch of clean.replace(/=+$/, '')) {
    acc = (acc << 6) | ALPHABET.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 255)
    }
  }
  return new Uint8Array(bytes)
}

/** GNU base64 [-d] [-w COLS] [FILE]: of FILE (`base64 /dev/urandom | head -c 20`) or stdin. */
export const base64: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'diw', 'w', { decode: 'd', 'ignore-garbage': 'i', wrap: 'w' })
  if (o.bad || o.missing) {
    const what = o.bad ? `invalid option -- '${o.bad}'` : `option requires an argument -- 'w'`
    return fail(`base64: ${what}\nTry 'base64 --help' for more information.\n`)
  }
  const wrapArg = String(o.flags.get('w') ?? '76')
  if (!/^\d+$/.test(wrapArg)) return fail(`base64: invalid wrap size: ${quote(p, wrapArg)}\n`)
  const r = readInputs(p, 'base64', o.operands.slice(0, 1))
  if (r.errors) return fail(r.errors)
  if (o.flags.has('d')) {
    const bytes = decode(r.text)
    if (!bytes) return fail('base64: invalid input\n')
    return streamed(p, { stdout: textOfBytes(bytes), stderr: '', exitCode: 0 })
  }
  const enc = encodeBase64(bytesOfText(r.text))
  const wrap = Number(wrapArg)
  // -w 0: one line, and no newline after it
  const stdout =
    wrap === 0
      ? enc
      : (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).map((l) => l + '\n').join('')
  return streamed(p, { stdout, stderr: '', exitCode: 0 })
}

const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

/** GNU's quote(): curly quotes in a UTF-8 locale (the workstation's), straight in C (a pod's). */
function quote(p: Proc, s: string): string {
  return /UTF-8/i.test(own(p.env, 'LANG') ?? '') ? `‘${s}’` : `'${s}'`
}
