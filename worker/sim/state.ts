// The cluster document: every object of one learner's cluster plus the runtime facts that are not
// API objects (what was installed inside a container, container logs, port-forwards, the PRNG).
// It is plain JSON: stored as one row, parsed, handed to the core, serialised again.

import type { KubeObject } from './objects/types'
import type { Kind } from './objects/resources'
import { noteRemoval, noteWrite } from './object-index'
import { noteUid } from './uid-index'
import { noteOwnedWrite, noteRemoved } from './owner-watch'
import type { TerminalRecord } from './session/types'

export { forgetIndex, listObjects, objectsOfKind, writeStamp } from './object-index'
export { cloneJSON } from './clone-json'

export interface ContainerRuntime {
  /** packages installed with apt-get inside the container (lost when the pod is recreated) */
  installed: string[]
  aptUpdated: boolean
  /** log lines, oldest first, capped (see LOG_LINES_MAX) */
  logs: string[]
  /** the kubelet's own record of this container (restarts, back-off), see controllers/kubelet-record.ts */
  kubelet?: unknown
}

export interface PortForward {
  /** workstation port, e.g. 8080 for `curl localhost:8080` */
  localPort: number
  namespace: string
  /** the pod chosen when the forward was opened (kubectl resolves services/deployments to one pod) */
  pod: string
  podPort: number
  /** what the learner typed: `svc/web`, `pod/x` */
  target: string
  /** connections made through it so far (a streaming port-forward prints one line each) */
  connections?: number
}

export interface ClusterState {
  /** document format version */
  format: 1
  /** mulberry32 PRNG state; every random choice draws from here */
  rng: number
  /** last resourceVersion handed out */
  rv: number
  /** ms since epoch when the cluster was made */
  createdAt: number
  /** objects by objectKey(kind, namespace, name), in insertion order */
  objects: Record<string, KubeObject>
  runtime: {
    /** key: `<pod uid>/<container name>` */
    containers: Record<string, ContainerRuntime>
    /** the load-balancer controller; off -> EXTERNAL-IP stays <pending> */
    loadBalancerController: boolean
    portForwards: PortForward[]
    /** pod IPs released recently, not handed out again while they are here (newest last) */
    releasedPodIPs: string[]
    /** sessionAffinity ClientIP memory: key `<svc ns>/<svc name>:<port>|<client ip>` -> endpoint `ip:port` and time */
    affinity: Record<string, { endpoint: string; at: number }>
    /** free-form per-lab flags a lab's starting state may set */
    flags: Record<string, string>
    /**
     * the endpoints controller's memory: per Service (`<ns>/<name>`), a hash of the Service's and
     * its pods' resourceVersions at its last sync (absent in documents made before it existed)
     */
    endpointsSyncedFrom?: Record<string, number>
    /** the ingress-nginx controller's memory (controllers/ingress-nginx-status.ts); absent until it has any */
    ingressNginx?: IngressNginxMemory
    /** the learner's terminal tabs and the container shells they are in (see sim/session) */
    terminals?: Record<string, TerminalRecord>
  }
}

/** What the ingress-nginx controller remembers between reconciles (its informer's view). */
export interface IngressNginxMemory {
  /** served Ingress uid -> [resourceVersion last synced, ms since when it is served] */
  synced: Record<string, [string, number]>
  /** ignored Ingress uid -> resourceVersion last logged as ignored */
  ignored: Record<string, string>
  /** round-robin position per upstream (`<ns>-<svc>-<port>`) */
  rr: Record<string, number>
  /** the upstream warnings the last sync logged, one per line (absent: none yet) */
  warned?: string
  /** uid of the controller pod that did the above; another one starts over (absent: not noted yet) */
  leader?: string
  /** its local SSL store: `<ns>/<secret>` -> what it read from the Secret's tls.crt */
  certs?: Record<string, LocalSSLCert>
  /** referenced Secret `<ns>/<name>` -> resourceVersion its informer saw ('' = none) */
  secrets?: Record<string, string>
}

/** A certificate in ingress-nginx's local store (ingress.SSLCert): a CA-only Secret has none. */
export type LocalSSLCert =
  { commonName: string; dnsNames: string[]; hasSAN: boolean; notAfter: number } | { caOnly: true }

export const LOG_LINES_MAX = 200

export function objectKey(
  kind: Kind | string,
  namespace: string | undefined,
  name: string,
): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

export function getObject<T extends KubeObject = KubeObject>(
  s: ClusterState,
  kind: Kind,
  namespace: string | undefined,
  name: string,
): T | undefined {
  return s.objects[objectKey(kind, namespace, name)] as T | undefined
}

/** Stores an object as is, giving it the next resourceVersion. */
export function putObject<T extends KubeObject>(s: ClusterState, obj: T): T {
  s.rv += 1
  obj.metadata.resourceVersion = String(s.rv)
  const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name)
  const prev = s.objects[key]
  const isNew = prev === undefined && !(key in s.objects)
  noteWrite(s, obj.kind, key, isNew, !isNew && prev === obj)
  noteUid(s, obj.metadata.uid, key)
  s.objects[key] = obj
  noteOwnedWrite(s, obj, prev)
  return obj
}

export function removeObject(
  s: ClusterState,
  kind: Kind,
  namespace: string | undefined,
  name: string,
): boolean {
  const key = objectKey(kind, namespace, name)
  if (!(key in s.objects)) return false
  const gone = s.objects[key]
  delete s.objects[key]
  noteRemoval(s, kind, key)
  if (gone) noteRemoved(s, gone)
  return true
}

/**
 * The last four seconds formatted: a settle stamps `now`, pruneEvents the hour before it and
 * notes when its oldest event expires, and a command's first settle is at an earlier `now`.
 */
const FORMATTED: [number, string][] = [
  [NaN, ''],
  [NaN, ''],
  [NaN, ''],
  [NaN, ''],
]
let nextFormatted = 0

/** RFC 3339 in seconds, as the API server writes timestamps: `2026-11-26T06:01:05Z`. */
export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000)
  for (let i = 0; i < FORMATTED.length; i++) {
    const f = FORMATTED[i] as [number, string]
    if (f[0] === second) return f[1]
  }
  const text = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  FORMATTED[nextFormatted] = [second, text]
  nextFormatted = (nextFormatted + 1) % FORMATTED.length
  return text
}

export function parseTimestamp(ts: string): number {
  return Date.parse(ts)
}

/** mulberry32: next float in [0, 1), advancing the cluster's PRNG state. */
export function random(s: ClusterState): number {
  s.rng = (s.rng + 0x6d2b79f5) | 0
  let t = s.rng
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export function randomInt(s: ClusterState, n: number): number {
  return Math.floor(random(s) * n)
}

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no confusable digits). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** `generateName` suffixes and pod-name suffixes: 5 chars from NAME_ALPHABET. */
export function randomSuffix(s: ClusterState, n = 5): string {
  let out = ''
  for (let i = 0; i < n; i++) out += NAME_ALPHABET[randomInt(s, NAME_ALPHABET.length)]
  return out
}

const HEX = '0123456789abcdef'

/** A v4-shaped uid; the same draws as 32 randomInt calls would make (one per hex digit). */
export function randomUid(s: ClusterState): string {
  let out = ''
  for (let i = 0; i < 32; i++) {
    if (i === 12) out += '4'
    else if (i === 16) out += '89ab'[Math.floor(random(s) * 4)]
    else out += HEX[Math.floor(random(s) * 16)]
    if (i === 7 || i === 11 || i === 15 || i === 19) out += '-'
  }
  return out
}

/** A random lower-case hex string of n chars (container IDs, exec IDs). */
export function randomHex(s: ClusterState, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += randomInt(s, 16).toString(16)
  return out
}

export function emptyState(seed: number, now: number): ClusterState {
  return {
    format: 1,
    rng: seed | 0,
    rv: 1000,
    createdAt: now,
    objects: {},
    runtime: {
      containers: {},
      loadBalancerController: true,
      portForwards: [],
      releasedPodIPs: [],
      affinity: {},
      flags: {},
    },
  }
}
