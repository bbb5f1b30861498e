// Sessions: 32 random bytes in an HttpOnly cookie; only their SHA-256 is stored.
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { MiddlewareHandler } from 'hono'
import { randomBytes, sha256Hex, toBase64Url } from './crypto'
import { findSessionUserId, insertSession } from '../db/sessions'
import type { Database } from '../db/client'
import type { AppContext, AppEnv } from '../http/env'
import { unauthenticated } from '../http/errors'
import { publicOrigin } from '../http/origin'

export const SESSION_COOKIE = 'sl_session'
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000

export async function startSession(c: AppContext, db: Database, userId: string, now: number) {
  const session = await newSession(db, userId, now)
  await session.insert
  setSessionCookie(c, session.token)
}

/**
 * A new session's token and the insert that stores it (its hash), for a caller that runs the
 * insert in its own batch and then sets the cookie (setSessionCookie) once the batch succeeded.
 */
export async function newSession(db: Database, userId: string, now: number) {
  const token = toBase64Url(randomBytes(32))
  return { token, insert: insertSession(db, await sha256Hex(token), userId, now, SESSION_TTL_MS) }
}

export function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: publicOrigin(c).protocol === 'https:',
    maxAge: SESSION_TTL_MS / 1000,
  })
}

export function endSessionCookie(c: AppContext) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: publicOrigin(c).protocol === 'https:' })
}

/** The token hash of the cookie the request carries, if any. */
export async function sessionTokenHash(c: AppContext): Promise<string | undefined> {
  const token = getCookie(c, SESSION_COOKIE)
  if (!token || token.length > 100) return undefined
  return sha256Hex(token)
}

/** Routes behind this need a live session: sets `userId` (one indexed read) or answers 401. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hash = await sessionTokenHash(c)
    if (!hash) throw unauthenticated()
    const userId = await findSessionUserId(c.get('db'), hash, c.get('deps').now())
    if (!userId) throw unauthenticated()
    c.set('userId', userId)
    c.set('tokenHash', hash)
    await next()
  }
}
