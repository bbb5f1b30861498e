// Passwords changed after signup: a learner's own change, and the reset codes instructors make for
// learners of their class (schema.ts passwordResets).
import { and, eq, gt, ne } from 'drizzle-orm'
import type { PasswordHash } from '../auth/password'
import type { Database } from './client'
import { passwordResets, sessions, users } from './schema'

// setPassword and endOtherSessions answer their statement: awaited it runs, or it goes in a batch

export function setPassword(db: Database, userId: string, pw: PasswordHash) {
  return db
    .update(users)
    .set({ passwordHash: pw.hash, passwordSalt: pw.salt, passwordIterations: pw.iterations })
    .where(eq(users.id, userId))
}

/** Ends every session of the user but `keep` (the token hash of the one that made the change). */
export function endOtherSessions(db: Database, userId: string, keep?: string) {
  return db
    .delete(sessions)
    .where(
      keep === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)),
    )
}

/** Stores a reset code (its hash) for the user, replacing any earlier one. */
export async function putResetCode(
  db: Database,
  row: typeof passwordResets.$inferInsert,
): Promise<void> {
  await db
    .insert(passwordResets)
    .values(row)
    .onConflictDoUpdate({
      target: passwordResets.userId,
      set: {
        codeHash: row.codeHash,
        createdBy: row.createdBy,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
      },
    })
}

/** Uses up the user's reset code if `codeHash` is it and it has not expired; answers whether it was. */
export async function takeResetCode(
  db: Database,
  userId: string,
  codeHash: string,
  now: number,
): Promise<boolean> {
  const gone = await db
    .delete(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, userId),
        eq(passwordResets.codeHash, codeHash),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId })
  return gone.length === 1
}
