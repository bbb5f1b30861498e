// A token bucket per kubeconfig token, in this isolate's memory: a burst as big as a `kubectl
// apply` of a folder, then a steady rate. On Workers each isolate counts on its own, so the limit
// is per isolate (a Durable Object would make it global; not worth a round trip per request).

import { KubeError } from './status'

const BURST = 120
const PER_SECOND = 30
const MAX_TRACKED = 10_000

const buckets = new Map<string, { tokens: number; at: number }>()

/** Takes one request from the token's bucket; answers the 429 to throw when it is empty. */
export function takeToken(key: string, now: number): KubeError | undefined {
  const b = buckets.get(key) ?? { tokens: BURST, at: now }
  b.tokens = Math.min(BURST, b.tokens + ((now - b.at) / 1000) * PER_SECOND)
  b.at = now
  if (buckets.size >= MAX_TRACKED && !buckets.has(key)) buckets.clear()
  buckets.set(key, b)
  if (b.tokens < 1) {
    return new KubeError(
      'TooManyRequests',
      'Too many requests, please try again later.',
      { retryAfterSeconds: 1 },
      { 'Retry-After': '1' },
    )
  }
  b.tokens -= 1
  return undefined
}
