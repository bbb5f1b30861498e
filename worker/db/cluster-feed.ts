// The reads a long-lived stream (watch, logs -f, exec) makes while it waits: the cluster row's
// version (one small row, no document) every second, the document only when the version moved.
import { eq } from 'drizzle-orm'
import type { Database } from './client'
import type { StoredState } from './state-codec'
import { clusters } from './schema'

/** The cluster's version, or undefined once it is gone. The cheapest read that tells a change. */
export async function readClusterVersion(db: Database, id: string): Promise<number | undefined> {
  const row = await db
    .select({ version: clusters.version })
    .from(clusters)
    .where(eq(clusters.id, id))
    .get()
  return row?.version
}

/** The stored document and its version (the caller already knows the cluster is the token's). */
export async function readClusterState(
  db: Database,
  id: string,
): Promise<{ version: number; state: StoredState; stateDelta: string | null } | undefined> {
  return db
    .select({ version: clusters.version, state: clusters.state, stateDelta: clusters.stateDelta })
    .from(clusters)
    .where(eq(clusters.id, id))
    .get()
}
