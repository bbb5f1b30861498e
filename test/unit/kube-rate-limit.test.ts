// The per-token rate limit of the Kubernetes API: a burst, then a steady rate; a 429 Status with
// Retry-After beyond it, which client-go waits out and retries.
import { describe, expect, it } from 'vitest'
import { takeToken } from '../../worker/kube-api/rate-limit'

describe('kube-api rate limit', () => {
  it('lets a burst of 120 through, refuses the next with 429, and refills at 30 a second', () => {
    const key = `token-${Math.random()}`
    const t0 = 1_000_000
    for (let i = 0; i < 120; i++) expect(takeToken(key, t0)).toBeUndefined()
    const refused = takeToken(key, t0)
    expect(refused).toMatchObject({
      reason: 'TooManyRequests',
      code: 429,
      headers: { 'Retry-After': '1' },
    })
    expect(takeToken(`other-${key}`, t0)).toBeUndefined()
    for (let i = 0; i < 30; i++) expect(takeToken(key, t0 + 1000)).toBeUndefined()
    expect(takeToken(key, t0 + 1000)?.code).toBe(429)
  })
})
