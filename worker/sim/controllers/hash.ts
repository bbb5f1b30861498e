// pod-template-hash: controller.ComputeHash (pkg/controller/controller_utils.go) hashes the
// template with FNV-32a and encodes the decimal digits with rand.SafeEncodeString. Upstream hashes
// Go's spew dump of the struct; we hash its key-sorted JSON, so values differ but look alike.

import type { PodTemplateSpec } from '../objects/types'
import { NAME_ALPHABET } from '../state'
import { stableStringify } from './util'

/** FNV-1a, 32 bits, over UTF-16 code units (hash/fnv New32a for ASCII input). */
export function fnv32a(text: string): number {
  return fnv32aAppend(FNV32A_OFFSET, text)
}

/** fnv32a's state before any input. */
export const FNV32A_OFFSET = 0x811c9dc5

/** fnv32a continued over `text`: fnv32aAppend(fnv32a(a), b) === fnv32a(a + b), no string built. */
export function fnv32aAppend(hash: number, text: string): number {
  let h = hash
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** rand.SafeEncodeString: each byte mapped into the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length]
  return out
}

const MEMO = new Map<string, string>()

/** The pod-template-hash of a Deployment's template (collisionCount folded in when set). */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  const key = `${collisionCount ?? ''}|${JSON.stringify(template)}`
  const hit = MEMO.get(key)
  if (hit !== undefined) return hit
  let text = stableStringify(template)
  if (collisionCount) text += String(collisionCount)
  const hash = safeEncodeString(String(fnv32a(text)))
  if (MEMO.size > 1000) MEMO.clear()
  MEMO.set(key, hash)
  return hash
}
