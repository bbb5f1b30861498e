// Shapes of the JSON the API answers (see shared CONTRACT.md); only the fields the UI reads.

export type Role = 'learner' | 'instructor'

export interface User {
  id: string
  email: string
  name: string
  role: Role | string
}

export interface TaskState {
  id: string
  title: string
  done: boolean
}

export interface LabTask extends TaskState {
  hints?: string[]
}

export interface LabSummary {
  id: string
  title: string
  summary: string
  estimatedMinutes?: number
  tasks: TaskState[]
  completedAt?: string | number | null
}

export interface Lab extends LabSummary {
  instructions: string
  explanation?: string
  tasks: LabTask[]
}

export interface ObjectRef {
  kind: string
  namespace?: string
  name: string
}

export interface Hop {
  kind:
    | 'client'
    | 'dns'
    | 'service'
    | 'nodeport'
    | 'loadbalancer'
    | 'portforward'
    | 'network'
    | 'pod'
    | 'ingress'
  label: string
  object?: ObjectRef
  ok: boolean
  detail?: string
}

export type Origin =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string }

export interface TraceEntry {
  from: Origin
  request: string
  outcome: 'answered' | 'refused' | 'timeout' | 'nxdomain' | 'unreachable'
  hops: Hop[]
  diagnosis?: string
  cause?: string
}

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
  tasks: TaskState[]
  trace?: TraceEntry[]
  changed?: { kind: string; namespace?: string; name: string; op: string }[]
  clear?: boolean
  newlyCompleted?: string[]
}

/** A Kubernetes object as the cluster endpoint returns it; the map reads a few fields. */
export interface KubeObject {
  apiVersion?: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    uid?: string
    labels?: Record<string, string>
    deletionTimestamp?: string
    creationTimestamp?: string
    ownerReferences?: { kind: string; name: string }[]
  }
  spec?: Record<string, unknown>
  status?: Record<string, unknown>
  subsets?: unknown[]
  endpoints?: unknown[]
}

export interface Cluster {
  id: string
  labId: string
  version?: number
  now?: number
  objects?: KubeObject[]
}

export interface HistoryItem {
  at: string | number
  command: string
  exitCode: number
}
