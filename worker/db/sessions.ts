import { and, eq, gt } from 'drizzle-orm'
import type { Database } from './client'
import { sessions, users } from './schema'

/** The insert of a new session, run when awaited or as part of a caller's batch. */
export function insertSession(db: Database, tokenHash: string, userId: string, now: number, ttlMs: number) {
  return db.insert(sessions).values({ tokenHash, userId, createdAt: now, expiresAt: now + ttlMs })
}

/** The session's user id, if the session exists and has not expired (one indexed read). */
export async function findSessionUserId(db: Database, tokenHash: string, now: number): Promise<string | undefined> {
  const row = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get()
  return row?.userId
}

/** The session's user, joined in the same statement. */
export async function findSessionUser(db: Database, tokenHash: string, now: number) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get()
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}
