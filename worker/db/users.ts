import { eq } from 'drizzle-orm'
import type { Database } from './client'
import { users } from './schema'

export type UserRow = typeof users.$inferSelect

export interface PublicUser {
  id: string
  email: string
  name: string
  role: 'learner' | 'instructor'
}

export function publicUser(u: Pick<UserRow, 'id' | 'email' | 'name' | 'role'>): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role }
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get()
}

/** Inserts a user unless the email is taken; answers whether it was inserted. */
export async function insertUser(db: Database, row: UserRow): Promise<boolean> {
  const r = await db.insert(users).values(row).onConflictDoNothing().returning({ id: users.id })
  return r.length === 1
}

export async function findUser(db: Database, id: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.id, id)).get()
}
