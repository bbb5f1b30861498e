import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Database } from './client'
import { classMembers, classes, clusters, commandHistory, users } from './schema'

export type ClassRow = typeof classes.$inferSelect

export async function insertClass(db: Database, row: ClassRow): Promise<boolean> {
  const r = await db.insert(classes).values(row).onConflictDoNothing().returning({ id: classes.id })
  return r.length === 1
}

export async function findOwnedClass(db: Database, id: string, ownerId: string) {
  return db
    .select()
    .from(classes)
    .where(and(eq(classes.id, id), eq(classes.ownerId, ownerId)))
    .get()
}

export async function findClassByCode(db: Database, joinCode: string) {
  return db.select().from(classes).where(eq(classes.joinCode, joinCode)).get()
}

export async function listOwnedClasses(db: Database, ownerId: string) {
  return db.select().from(classes).where(eq(classes.ownerId, ownerId)).orderBy(classes.createdAt).all()
}

export async function listJoinedClasses(db: Database, userId: string) {
  return db
    .select({ id: classes.id, name: classes.name })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(eq(classMembers.userId, userId))
    .orderBy(classMembers.joinedAt)
    .all()
}

export async function addMember(db: Database, classId: string, userId: string, now: number) {
  await db.insert(classMembers).values({ classId, userId, joinedAt: now }).onConflictDoNothing()
}

export async function removeMember(db: Database, classId: string, userId: string): Promise<boolean> {
  const r = await db
    .delete(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
    .returning({ userId: classMembers.userId })
  return r.length === 1
}

export async function isMember(db: Database, classId: string, userId: string): Promise<boolean> {
  const r = await db
    .select({ userId: classMembers.userId })
    .from(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
    .get()
  return r !== undefined
}

export async function setJoinCode(db: Database, id: string, joinCode: string): Promise<boolean> {
  const taken = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.joinCode, joinCode), ne(classes.id, id)))
    .get()
  if (taken) return false
  await db.update(classes).set({ joinCode }).where(eq(classes.id, id))
  return true
}

export async function listMembers(db: Database, classId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(eq(classMembers.classId, classId))
    .orderBy(users.name)
    .all()
}

/** D1 binds at most 100 parameters per statement: big IN lists go in chunks. */
async function inChunks<T>(ids: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 90) out.push(...(await query(ids.slice(i, i + 90))))
  return out
}

/** Every cluster of the given users (one per user and lab), without the state documents. */
export async function listClustersOf(db: Database, userIds: string[]) {
  return inChunks(userIds, (chunk) => db
    .select({
      id: clusters.id,
      userId: clusters.userId,
      labId: clusters.labId,
      progress: clusters.progress,
      commands: clusters.commands,
      timeSpentSeconds: clusters.timeSpentSeconds,
      lastActivityAt: clusters.lastActivityAt,
    })
    .from(clusters)
    .where(inArray(clusters.userId, chunk))
    .all())
}

/** History rows that carry at least one misconception id, for the class's clusters. */
export async function listClassifiedHistory(db: Database, clusterIds: string[]) {
  return inChunks(clusterIds, (chunk) => db
    .select({
      clusterId: commandHistory.clusterId,
      command: commandHistory.command,
      stderr: commandHistory.stderr,
      stdout: commandHistory.stdout,
      causes: commandHistory.causes,
      at: commandHistory.at,
    })
    .from(commandHistory)
    .where(and(inArray(commandHistory.clusterId, chunk), ne(commandHistory.causes, '[]')))
    .all())
}
