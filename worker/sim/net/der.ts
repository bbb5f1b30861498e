// Just enough DER (X.690) to walk certificates and keys: tag-length-value, definite lengths.

export interface Tlv {
  tag: number
  body: Uint8Array
  end: number
}

export function readTlv(buf: Uint8Array, at: number): Tlv | undefined {
  const tag = buf[at]
  let len = buf[at + 1]
  if (tag === undefined || len === undefined) return undefined
  let start = at + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 3) return undefined
    len = 0
    for (let i = 0; i < n; i++) len = (len << 8) | (buf[start + i] ?? 0)
    start += n
  }
  if (start + len > buf.length) return undefined
  return { tag, body: buf.subarray(start, start + len), end: start + len }
}

export function children(buf: Uint8Array): Tlv[] | undefined {
  const out: Tlv[] = []
  for (let at = 0; at < buf.length;) {
    const t = readTlv(buf, at)
    if (!t) return undefined
    out.push(t)
    at = t.end
  }
  return out
}

/** Lower-case hex of bytes (OIDs are compared by their encoded bytes). */
export const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
