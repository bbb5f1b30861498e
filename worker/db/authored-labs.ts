import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import type { Database } from './client'
import {
  authoredLabClasses,
  authoredLabs,
  classMembers,
  classes,
  clusters,
  commandHistory,
  kubeTokens,
} from './schema'

export type AuthoredLabRow = typeof authoredLabs.$inferSelect

export async function insertAuthoredLab(db: Database, row: AuthoredLabRow): Promise<void> {
  await db.insert(authoredLabs).values(row)
}

export async function findAuthoredLab(
  db: Database,
  id: string,
): Promise<AuthoredLabRow | undefined> {
  return db.select().from(authoredLabs).where(eq(authoredLabs.id, id)).get()
}

export async function listOwnLabs(db: Database, ownerId: string) {
  return db
    .select({
      id: authoredLabs.id,
      title: authoredLabs.title,
      version: authoredLabs.version,
      verifiedVersion: authoredLabs.verifiedVersion,
      publishedVersion: authoredLabs.publishedVersion,
      published: authoredLabs.published,
      updatedAt: authoredLabs.updatedAt,
    })
    .from(authoredLabs)
    .where(eq(authoredLabs.ownerId, ownerId))
    .orderBy(authoredLabs.createdAt)
    .all()
}

/** A new version of the draft (only if nobody wrote one since `version` was read). */
export async function updateSource(
  db: Database,
  id: string,
  version: number,
  fields: { title: string; source: string; now: number },
) {
  const rows = await db
    .update(authoredLabs)
    .set({
      title: fields.title,
      source: fields.source,
      version: version + 1,
      updatedAt: fields.now,
    })
    .where(and(eq(authoredLabs.id, id), eq(authoredLabs.version, version)))
    .returning({ id: authoredLabs.id })
  return rows.length === 1
}

export async function markVerified(db: Database, id: string, version: number) {
  await db
    .update(authoredLabs)
    .set({ verifiedVersion: version })
    .where(and(eq(authoredLabs.id, id), eq(authoredLabs.version, version)))
}

/** The lab is given to the class now (not withdrawn by a later publish to other classes). */
const givenNow = isNull(authoredLabClasses.withdrawnAt)

/**
 * Publishes `version` (its source) to exactly `classIds`. A class it was given before and is not
 * now keeps its row, withdrawn: its matrix still shows what its learners did in the lab.
 */
export async function publishLab(
  db: Database,
  lab: AuthoredLabRow,
  classIds: string[],
  now: number,
) {
  await db.batch([
    db
      .update(authoredLabs)
      .set({
        publishedSource: lab.source,
        publishedVersion: lab.version,
        published: true,
        updatedAt: now,
      })
      .where(and(eq(authoredLabs.id, lab.id), eq(authoredLabs.version, lab.version))),
    db
      .update(authoredLabClasses)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(authoredLabClasses.labId, lab.id),
          givenNow,
          notInArray(authoredLabClasses.classId, classIds),
        ),
      ),
    ...classIds.map((classId) =>
      db
        .insert(authoredLabClasses)
        .values({ labId: lab.id, classId, publishedAt: now })
        .onConflictDoUpdate({
          target: [authoredLabClasses.labId, authoredLabClasses.classId],
          set: { publishedAt: now, withdrawnAt: null },
        }),
    ),
  ])
}

export async function unpublishLab(db: Database, id: string, now: number) {
  await db
    .update(authoredLabs)
    .set({ published: false, updatedAt: now })
    .where(eq(authoredLabs.id, id))
}

/**
 * Deletes a draft (never published: http/authored-labs.ts refuses the rest) with the author's own
 * clusters of it ("Try it"), their history and kubeconfig tokens. Only its author can have played
 * a lab never published; a cluster of anyone else would be left alone.
 */
export async function deleteAuthoredLab(db: Database, lab: Pick<AuthoredLabRow, 'id' | 'ownerId'>) {
  const { id } = lab
  const scratch = db
    .select({ id: clusters.id })
    .from(clusters)
    .where(and(eq(clusters.labId, id), eq(clusters.userId, lab.ownerId)))
  await db.batch([
    db.delete(commandHistory).where(inArray(commandHistory.clusterId, scratch)),
    db.delete(kubeTokens).where(inArray(kubeTokens.clusterId, scratch)),
    db.delete(clusters).where(and(eq(clusters.labId, id), eq(clusters.userId, lab.ownerId))),
    db.delete(authoredLabClasses).where(eq(authoredLabClasses.labId, id)),
    db.delete(authoredLabs).where(eq(authoredLabs.id, id)),
  ])
}

/** The classes the lab is given to now. */
export async function classIdsOf(db: Database, labId: string): Promise<string[]> {
  const rows = await db
    .select({ classId: authoredLabClasses.classId })
    .from(authoredLabClasses)
    .where(and(eq(authoredLabClasses.labId, labId), givenNow))
    .all()
  return rows.map((r) => r.classId)
}

/** True when `userId` owns one of the classes the lab was published to (now or before). */
export async function teachesLab(db: Database, labId: string, userId: string): Promise<boolean> {
  const r = await db
    .select({ id: classes.id })
    .from(authoredLabClasses)
    .innerJoin(classes, eq(classes.id, authoredLabClasses.classId))
    .where(and(eq(authoredLabClasses.labId, labId), eq(classes.ownerId, userId)))
    .get()
  return r !== undefined
}

/** True when the lab is published and `userId` is a member of a class it is given to now. */
export async function mayOpen(db: Database, labId: string, userId: string): Promise<boolean> {
  const r = await db
    .select({ id: authoredLabClasses.classId })
    .from(authoredLabClasses)
    .innerJoin(classMembers, eq(classMembers.classId, authoredLabClasses.classId))
    .innerJoin(authoredLabs, eq(authoredLabs.id, authoredLabClasses.labId))
    .where(
      and(
        eq(authoredLabClasses.labId, labId),
        eq(classMembers.userId, userId),
        eq(authoredLabs.published, true),
        givenNow,
      ),
    )
    .get()
  return r !== undefined
}

/** Published labs of the learner's classes, and labs they already have a cluster for. */
export async function labsForLearner(db: Database, userId: string) {
  const published = db
    .select({ labId: authoredLabClasses.labId })
    .from(authoredLabClasses)
    .innerJoin(classMembers, eq(classMembers.classId, authoredLabClasses.classId))
    .where(and(eq(classMembers.userId, userId), givenNow))
  const started = db
    .select({ labId: clusters.labId })
    .from(clusters)
    .where(eq(clusters.userId, userId))
  return db
    .select()
    .from(authoredLabs)
    .where(
      sql`(${authoredLabs.published} = 1 AND ${authoredLabs.id} IN ${published}) OR (${authoredLabs.publishedSource} IS NOT NULL AND ${authoredLabs.id} IN ${started})`,
    )
    .orderBy(authoredLabs.createdAt)
    .all()
}

/** Labs published (now or before) to a class, for its progress matrix. */
export async function labsOfClass(db: Database, classId: string) {
  return db
    .select({ id: authoredLabs.id, publishedSource: authoredLabs.publishedSource })
    .from(authoredLabClasses)
    .innerJoin(authoredLabs, eq(authoredLabs.id, authoredLabClasses.labId))
    .where(eq(authoredLabClasses.classId, classId))
    .orderBy(authoredLabClasses.publishedAt)
    .all()
}

export async function ownedClassIds(
  db: Database,
  ownerId: string,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.ownerId, ownerId), inArray(classes.id, ids)))
    .all()
  return rows.map((r) => r.id)
}
