// Accounts: signup, login, logout, me (CONTRACT.md).
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { hashPassword, verifyPassword, DUMMY_HASH, PASSWORD_MIN_LENGTH } from '../auth/password'
import { endSessionCookie, sessionTokenHash, startSession } from '../auth/session'
import { newId } from '../auth/crypto'
import { findUserByEmail, insertUser, publicUser } from '../db/users'
import { deleteSession, findSessionUser } from '../db/sessions'
import { clearFailures, recordFailure } from '../db/throttle'
import { ADDRESS_POLICY, LOGIN_POLICY, refuseWhileLocked } from './attempt-limits'
import { AppError, forbidden, unauthenticated } from './errors'
import type { AppEnv } from './env'
import { readJson } from './validate'

const email = z
  .string()
  .check(z.trim(), z.maxLength(254), z.email({ error: 'Enter a valid email address.' }))

/** A password being set (signup, change, reset). */
export const newPassword = z.string().check(
  z.minLength(PASSWORD_MIN_LENGTH, {
    error: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  }),
  z.maxLength(200, { error: 'The password may have at most 200 characters.' }),
)

const signupBody = z.object({
  email,
  password: newPassword,
  name: z.string().check(z.trim(), z.minLength(1, { error: 'Enter your name.' }), z.maxLength(100)),
  instructorCode: z.optional(z.string().check(z.maxLength(200))),
})

const loginBody = z.object({
  email: z.string().check(z.trim(), z.maxLength(254)),
  password: z.string().check(z.maxLength(200)),
})

export const authRoutes = new Hono<AppEnv>()

authRoutes.post('/signup', async (c) => {
  const body = await readJson(c, signupBody)
  const { db, deps } = c.var
  const now = deps.now()
  const addressKey = `signup:${deps.clientAddress(c)}`
  await refuseWhileLocked(db, [addressKey], now)
  await recordFailure(db, [addressKey], now, {
    maxFailures: deps.signupsPerHour ?? 300,
    windowMs: 3600_000,
    lockMs: 3600_000,
  })
  let role: 'learner' | 'instructor' = 'learner'
  if (body.instructorCode !== undefined && body.instructorCode !== '') {
    if (!deps.instructorCode || body.instructorCode !== deps.instructorCode) {
      throw forbidden('That instructor code is not valid.')
    }
    role = 'instructor'
  }
  const pw = await hashPassword(body.password)
  const user = {
    id: newId(),
    email: body.email.toLowerCase(),
    name: body.name,
    role,
    passwordHash: pw.hash,
    passwordSalt: pw.salt,
    passwordIterations: pw.iterations,
    createdAt: now,
  }
  if (!(await insertUser(db, user))) {
    throw new AppError(
      409,
      'email_taken',
      'An account with that email already exists. Log in instead.',
      {
        field: 'email',
      },
    )
  }
  await startSession(c, db, user.id, now)
  return c.json({ user: publicUser(user) }, 201)
})

authRoutes.post('/login', async (c) => {
  const body = await readJson(c, loginBody)
  const { db, deps } = c.var
  const now = deps.now()
  const accountKey = `login:${body.email.toLowerCase()}`
  const addressKey = `login-ip:${deps.clientAddress(c)}`
  await refuseWhileLocked(db, [accountKey, addressKey], now)
  const user = await findUserByEmail(db, body.email)
  const stored = user
    ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
    : DUMMY_HASH
  const good = await verifyPassword(body.password, stored)
  if (!user || !good) {
    await recordFailure(db, [accountKey], now, LOGIN_POLICY)
    await recordFailure(db, [addressKey], now, ADDRESS_POLICY)
    throw new AppError(
      401,
      'invalid_credentials',
      'That email and password do not match an account.',
    )
  }
  await clearFailures(db, accountKey)
  await startSession(c, db, user.id, now)
  return c.json({ user: publicUser(user) })
})

authRoutes.post('/logout', async (c) => {
  const hash = await sessionTokenHash(c)
  if (hash) await deleteSession(c.get('db'), hash)
  endSessionCookie(c)
  return c.body(null, 204)
})

export const meRoutes = new Hono<AppEnv>()

meRoutes.get('/', async (c) => {
  const hash = await sessionTokenHash(c)
  const user = hash ? await findSessionUser(c.get('db'), hash, c.get('deps').now()) : undefined
  if (!user) throw unauthenticated()
  return c.json({ user: publicUser(user) })
})
