// GNU base64: encode (76-column lines) and -d decode, for reading Secrets' data, byte-exact
// (bytes.ts): `head -c 16 /dev/urandom | base64` encodes 16 bytes.

import type { Tool } from '../host'
import { bytesOfText, textOfBytes } from '../bytes'
import { streamed } from './basic'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function encode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

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

export const base64: Tool = (p) => {
  const args = p.argv.slice(1)
  if (args.includes('-d') || args.includes('--decode')) {
    const bytes = decode(p.stdin)
    if (!bytes) return { stdout: '', stderr: 'base64: invalid input\n', exitCode: 1 }
    return streamed(p, { stdout: textOfBytes(bytes), stderr: '', exitCode: 0 })
  }
  const enc = encode(bytesOfText(p.stdin))
  const lines = enc.match(/.{1,76}/g) ?? []
  return streamed(p, { stdout: lines.map((l) => l + '\n').join(''), stderr: '', exitCode: 0 })
}
