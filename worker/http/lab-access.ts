// Which lab a user gets for an id: a built-in one, or an authored one they may see. The author
// plays the latest draft; everyone else the version last published, and only if they are in one
// of its classes (or already have a cluster for it: unpublishing keeps their progress).
import type { Database } from '../db/client'
import { findClusterForLab } from '../db/clusters'
import { findAuthoredLab, mayOpen, type AuthoredLabRow } from '../db/authored-labs'
import { findLab } from '../labs'
import { compiledLab } from '../labs/format/compiled-labs'
import type { Lab } from '../labs/types'

/** Authored lab ids start with this; no built-in id does. */
export const AUTHORED_PREFIX = 'authored-'

export const isAuthoredId = (id: string) => id.startsWith(AUTHORED_PREFIX)

function compiled(row: AuthoredLabRow, userId: string): Lab | undefined {
  const source = row.ownerId === userId ? row.source : row.publishedSource
  return source === null ? undefined : compiledLab(source, row.id)
}

/** The lab a user's existing cluster runs. */
export async function labOfCluster(
  db: Database,
  labId: string,
  userId: string,
): Promise<Lab | undefined> {
  if (!isAuthoredId(labId)) return findLab(labId)
  const row = await findAuthoredLab(db, labId)
  return row && compiled(row, userId)
}

/**
 * The lab of a cluster from the source read with it (db/command-read.ts): a built-in lab by id, an
 * authored one compiled from the source this user plays (null: not published to them).
 */
export function labOfSource(labId: string, source: string | null): Lab | undefined {
  if (!isAuthoredId(labId)) return findLab(labId)
  return source === null ? undefined : compiledLab(source, labId)
}

/** The lab a user may open (its page, a new cluster). */
export async function labToOpen(
  db: Database,
  labId: string,
  userId: string,
): Promise<Lab | undefined> {
  if (!isAuthoredId(labId)) return findLab(labId)
  const row = await findAuthoredLab(db, labId)
  if (!row) return undefined
  if (row.ownerId === userId) return compiled(row, userId)
  const allowed =
    (await mayOpen(db, labId, userId)) || (await findClusterForLab(db, userId, labId)) !== undefined
  return allowed ? compiled(row, userId) : undefined
}
