// The one schema: drizzle-kit generates migrations/ from this file (npm run db:generate).

import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** stored lower-cased: emails are compared case-insensitively */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['learner', 'instructor'] })
      .notNull()
      .default('learner'),
    passwordHash: text('password_hash').notNull(),
    passwordSalt: text('password_salt').notNull(),
    passwordIterations: integer('password_iterations').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
)

/** Only the SHA-256 of a session token is stored; the token itself lives in the cookie. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * A password reset code an instructor made for a learner of their class (there is no email to send
 * one): only its SHA-256 is stored, one per user (a new code replaces the old), used once, for a day.
 */
export const passwordResets = sqliteTable('password_resets', {
  userId: text('user_id').primaryKey(),
  codeHash: text('code_hash').notNull(),
  /** the instructor who made it */
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
})

/** Failed-login counters per account and per client address, shared by every Worker isolate. */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start').notNull(),
  lockedUntil: integer('locked_until').notNull().default(0),
})

/**
 * One learner's cluster for one lab: the whole simulated cluster is one JSON document with a
 * version for optimistic concurrency. Progress lives in the same row (and survives a reset), so a
 * command writes exactly two rows: this one and its history row.
 */
export const clusters = sqliteTable(
  'clusters',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    labId: text('lab_id').notNull(),
    /**
     * gzip of the document's JSON (state-codec.ts); rows stored before 0002 hold text (`gz:` +
     * base64url, or plain JSON), which decoding still reads
     */
    state: blob('state', { mode: 'buffer' }).notNull(),
    /**
     * JSON: what changed since `state` (sim/document-delta.ts), null when nothing did; a command
     * that changes a few objects writes this instead of a new gzip of the whole document
     */
    stateDelta: text('state_delta'),
    version: integer('version').notNull(),
    /** JSON: { tasks: { [taskId]: doneAtMs }, completedAt: ms | null } */
    progress: text('progress').notNull().default('{"tasks":{},"completedAt":null}'),
    commands: integer('commands').notNull().default(0),
    timeSpentSeconds: integer('time_spent_seconds').notNull().default(0),
    lastActivityAt: integer('last_activity_at'),
    /**
     * JSON: the last few request traces of execs made through the Kubernetes API (the learner's own
     * kubectl), `[{seq, trace}]` oldest first (worker/kube-api/api-traces.ts); the lab page's
     * status poll draws each new one on the map once. Written in the exec's own batch.
     */
    apiTraces: text('api_traces'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('clusters_user_lab_unique').on(t.userId, t.labId)],
)

/**
 * Every command run in a cluster. Keyed by (cluster, seq) with no other index, so inserting a row
 * writes one row (D1 counts index entries as written rows).
 */
export const commandHistory = sqliteTable(
  'command_history',
  {
    clusterId: text('cluster_id').notNull(),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    command: text('command').notNull(),
    stdin: text('stdin'),
    exitCode: integer('exit_code').notNull(),
    stdout: text('stdout').notNull(),
    stderr: text('stderr').notNull(),
    /** JSON array of task ids first completed by this command */
    tasksCompleted: text('tasks_completed').notNull().default('[]'),
    /** JSON array of diagnosis causes (`clusterip-from-outside`, ...) and validation error kinds */
    causes: text('causes').notNull().default('[]'),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.seq] })],
)

export const classes = sqliteTable(
  'classes',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    name: text('name').notNull(),
    joinCode: text('join_code').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('classes_join_code_unique').on(t.joinCode),
    index('classes_owner_idx').on(t.ownerId),
  ],
)

export const classMembers = sqliteTable(
  'class_members',
  {
    classId: text('class_id').notNull(),
    userId: text('user_id').notNull(),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.userId] }),
    index('class_members_user_idx').on(t.userId),
  ],
)

/**
 * Kubeconfig tokens for a cluster's Kubernetes API (`/k8s/clusters/:id`). Only the SHA-256 is
 * stored; a token opens exactly one cluster until it expires or is revoked. A cluster has at most
 * one live token: a new kubeconfig download deletes the old one.
 */
export const kubeTokens = sqliteTable(
  'kube_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    clusterId: text('cluster_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('kube_tokens_cluster_idx').on(t.clusterId)],
)

/**
 * Labs instructors write (lab format 1, see docs/lab-format.md). `source` is the latest version (the
 * author's draft, which "Try it" plays); learners get `published_source`, the version last
 * published, so an edit reaches them only once it is proven and published again.
 */
export const authoredLabs = sqliteTable(
  'authored_labs',
  {
    /** `authored-<random>`: never a built-in lab id */
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    title: text('title').notNull(),
    /** the lab document (JSON), validated when written */
    source: text('source').notNull(),
    version: integer('version').notNull(),
    /** the version whose solution and near misses last passed verify */
    verifiedVersion: integer('verified_version'),
    publishedSource: text('published_source'),
    publishedVersion: integer('published_version'),
    /** 1 while class members may open it; unpublish keeps the source for learners already in it */
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('authored_labs_owner_idx').on(t.ownerId)],
)

/**
 * The classes an authored lab was published to. Kept on unpublish, and when the lab is published
 * again to other classes (`withdrawn_at` set): a class's matrix still shows its learners' progress
 * in a lab it was once given, while only the classes it is given now let newcomers open it.
 */
export const authoredLabClasses = sqliteTable(
  'authored_lab_classes',
  {
    labId: text('lab_id').notNull(),
    classId: text('class_id').notNull(),
    publishedAt: integer('published_at').notNull(),
    /** when the lab was last published without this class; null while it is given to it */
    withdrawnAt: integer('withdrawn_at'),
  },
  (t) => [
    primaryKey({ columns: [t.labId, t.classId] }),
    index('authored_lab_classes_class_idx').on(t.classId),
  ],
)
