// "Too many attempts": logins, password changes and resets, sign-ups and join codes count their
// failures per key (db/throttle.ts) and are refused while a key is locked.
import type { Database } from '../db/client'
import { lockedUntil, type ThrottlePolicy } from '../db/throttle'
import { AppError } from './errors'

/** Wrong passwords (and reset codes) for one account. */
export const LOGIN_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
}
/** Wrong passwords (and reset codes) from one address, whatever the account. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
}

/**
 * Refuses the request (429 with Retry-After) while any of `keys` is locked; `what` names what
 * there were too many of ("wrong join codes").
 */
export async function refuseWhileLocked(
  db: Database,
  keys: string[],
  now: number,
  what = 'attempts',
): Promise<void> {
  const until = await lockedUntil(db, keys, now)
  if (!until) return
  const seconds = Math.max(1, Math.ceil((until - now) / 1000))
  throw new AppError(429, 'rate_limited', `Too many ${what}. Try again in ${seconds} seconds.`, {
    headers: { 'Retry-After': String(seconds) },
  })
}
