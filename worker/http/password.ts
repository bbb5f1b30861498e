// Passwords after signup. A signed-in user changes theirs (the current one first); a learner who
// forgot theirs asks their instructor, who makes a one-time reset code for a learner of their class
// (there is no email to send a link to, on Workers or offline on Node) and hands it over; with it,
// the login page sets a new password. Wrong current passwords and wrong codes are rate-limited as
// logins are; a change or reset ends the account's other sessions, and a reset its kubeconfigs.
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { hashPassword, verifyPassword } from '../auth/password'
import { newSession, requireSession, setSessionCookie } from '../auth/session'
import { sha256Hex } from '../auth/crypto'
import type { Database } from '../db/client'
import { endOtherSessions, putResetCode, setPassword, takeResetCode } from '../db/password-resets'
import { revokeUserKubeTokens } from '../db/kube-tokens'
import { clearFailures, recordFailure } from '../db/throttle'
import { findUser, findUserByEmail, publicUser, type UserRow } from '../db/users'
import { ADDRESS_POLICY, LOGIN_POLICY, refuseWhileLocked } from './attempt-limits'
import { newPassword } from './auth'
import { AppError, forbidden, notFound } from './errors'
import type { AppEnv } from './env'
import { newJoinCode, normaliseJoinCode } from './join-code'
import { readJson } from './validate'

/** How long a reset code works */
export const RESET_CODE_TTL_MS = 24 * 3600_000
/** 12 characters of the join codes' alphabet: ~59 bits, behind the login rate limits */
const RESET_CODE_LENGTH = 12

const changeBody = z.object({
  currentPassword: z.string().check(z.maxLength(200)),
  newPassword,
})

const resetBody = z.object({
  email: z.string().check(z.trim(), z.maxLength(254)),
  code: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'Enter the reset code.' }), z.maxLength(40)),
  newPassword,
})

/** /api/auth: change (signed in) and reset (with an instructor's code). */
export const passwordRoutes = new Hono<AppEnv>()

passwordRoutes.post('/password', requireSession(), async (c) => {
  const body = await readJson(c, changeBody)
  const db = c.get('db')
  const deps = c.get('deps')
  const now = deps.now()
  const user = await findUser(db, c.get('userId')!)
  if (!user) throw notFound('That account')
  const accountKey = `login:${user.email}`
  await refuseWhileLocked(db, [accountKey], now)
  const stored = {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  }
  if (!(await verifyPassword(body.currentPassword, stored))) {
    await recordFailure(db, [accountKey], now, LOGIN_POLICY)
    throw new AppError(401, 'invalid_credentials', 'That is not your current password.', {
      field: 'currentPassword',
    })
  }
  const pw = await hashPassword(body.newPassword)
  await db.batch([setPassword(db, user.id, pw), endOtherSessions(db, user.id, c.get('tokenHash'))])
  return c.body(null, 204)
})

passwordRoutes.post('/reset', async (c) => {
  const body = await readJson(c, resetBody)
  const db = c.get('db')
  const deps = c.get('deps')
  const now = deps.now()
  const resetKey = `reset:${body.email.toLowerCase()}`
  const addressKey = `login-ip:${deps.clientAddress(c)}`
  await refuseWhileLocked(db, [resetKey, addressKey], now)
  const user = await findUserByEmail(db, body.email)
  const codeHash = await sha256Hex(normaliseJoinCode(body.code))
  if (!user || !(await takeResetCode(db, user.id, codeHash, now))) {
    await recordFailure(db, [resetKey], now, LOGIN_POLICY)
    await recordFailure(db, [addressKey], now, ADDRESS_POLICY)
    throw new AppError(
      400,
      'invalid_reset_code',
      'That reset code is not valid for this email, or it was used or has expired. Ask your instructor for a new one.',
      { field: 'code' },
    )
  }
  const pw = await hashPassword(body.newPassword)
  const session = await newSession(db, user.id, now)
  // one batch (one transaction, one round trip): all of it or, when a write fails, none
  await db.batch([
    setPassword(db, user.id, pw),
    // an account taken back: whoever had it keeps neither a session nor a kubeconfig of it
    endOtherSessions(db, user.id),
    revokeUserKubeTokens(db, user.id),
    clearFailures(db, `login:${user.email}`, resetKey),
    session.insert,
  ])
  setSessionCookie(c, session.token)
  return c.json({ user: publicUser(user) })
})

/**
 * A one-time reset code for `learner` (a member of a class `by` owns: classes.ts checks), replacing
 * any earlier one; only its hash is stored. The answer of the class route.
 */
export async function makeResetCode(db: Database, learner: UserRow, by: string, now: number) {
  // an instructor's account is not a class member's to reset
  if (learner.role !== 'learner')
    throw forbidden('Only a learner’s password can be reset this way.')
  const code = newJoinCode(RESET_CODE_LENGTH)
  const expiresAt = now + RESET_CODE_TTL_MS
  const codeHash = await sha256Hex(code)
  await putResetCode(db, { userId: learner.id, codeHash, createdBy: by, createdAt: now, expiresAt })
  const shown = code.match(/.{4}/g)!.join('-')
  return { code: shown, expiresAt: new Date(expiresAt).toISOString(), learner: publicUser(learner) }
}
