// The ingress-nginx controller's side effects on the API (INGRESS-FACTS I18, I19): a `Sync`
// "Scheduled for sync" event whenever a served Ingress is added or changed (store.go), and the
// status sync of --publish-service: every 60 s (status.go UpdateInterval) the leader copies the
// controller Service's load-balancer ingress into every served Ingress, so a new Ingress shows a
// blank ADDRESS until the next tick. Ignored Ingresses get nothing but a log line.
// Left out: leader-election delay, the nginx reloads' own events (RELOAD on the pod).

import type { Ingress, Pod } from '../objects/types'
import type { IngressLoadBalancerIngress } from '../objects/ingress-types'
import { parseTimestamp, putObject, type ClusterState, type IngressNginxMemory } from '../state'
import { appendLog } from '../net/images'
import { recordEvent } from './events'
import {
  INGRESS_NGINX,
  allIngresses,
  controllerPods,
  controllerService,
  servedByNginx,
} from './ingress-nginx-class'
import { isPodReady } from './util'
import { klogPrefix } from './ingress-nginx-log'
import { upstreamWarnings } from './ingress-nginx-warnings'
import { kindWrites } from '../object-index'
import { appRootWarnings } from './ingress-nginx-annotations'
import { isSkippingQuiet } from './key-memo'
import { secretEvents, syncSecrets, type LogLine } from './ingress-nginx-certs'

/** status.go UpdateInterval: the status queue is fed at start and then every 60 s. */
export const STATUS_SYNC_MS = 60_000

interface Leader {
  pod: Pod
  readyAt: number
}

/** The syncs and status writes due at `now`; returns true when anything was written. */
export function reconcileIngressNginx(s: ClusterState, now: number): boolean {
  const ingresses = allIngresses(s)
  if (ingresses.length === 0 && !s.runtime.ingressNginx) return false
  const leader = findLeader(s)
  if (!leader) return false
  const mem = memoryOf(s)
  newLeader(mem, leader)
  forgetGone(mem, ingresses)
  let synced = false
  const served: Ingress[] = []
  for (const ing of ingresses) {
    const verdict = servedByNginx(s, ing)
    if (!verdict.served) {
      delete mem.synced[ing.metadata.uid]
      noteIgnored(s, mem, leader, ing, verdict.error, now)
      continue
    }
    served.push(ing)
    delete mem.ignored[ing.metadata.uid]
    synced = syncIngress(s, mem, leader, ing, verdict.className, now) || synced
    synced = writeStatus(s, mem, leader, ing, now) || synced
  }
  // the Secret informer: a named Secret that came, changed or went queues a sync
  const events = secretEvents(s, mem, served)
  logLines(s, leader, now, events.lines)
  synced = events.changed || synced
  return logWarnings(s, mem, leader, served, synced, now)
}

/**
 * What the warnings are built from: the Ingresses, their classes, Services, endpoints, the TLS
 * Secrets (the certificates the controller read are in its memory, which follows Secret writes),
 * and the clock only through certificates that expired.
 */
const WARNING_READS = ['Service', 'EndpointSlice', 'Endpoints', 'Ingress', 'IngressClass', 'Secret']

function expiredCertificates(mem: IngressNginxMemory, now: number): number {
  let n = 0
  for (const cert of Object.values(mem.certs ?? {}))
    if ('notAfter' in cert && cert.notAfter < now) n++
  return n
}

/** The reading of those writes (and the leader) when the warnings were last built, and the text. */
const WARNED = new WeakMap<ClusterState, { at: string; text: string }>()

/**
 * A sync logs the upstream warnings: after an Ingress sync, or when they changed (endpoints).
 * Without a sync they are built again only when something they are built from was written.
 */
function logWarnings(
  s: ClusterState,
  mem: IngressNginxMemory,
  leader: Leader,
  served: Ingress[],
  synced: boolean,
  now: number,
): boolean {
  const at = `${kindWrites(s, WARNING_READS)}/${leader.pod.metadata.uid}/${expiredCertificates(mem, now)}`
  const last = WARNED.get(s)
  if (!synced && last?.at === at && last.text === (mem.warned ?? '') && isSkippingQuiet())
    return false
  const lines = upstreamWarnings(s, served, mem, now)
  const text = lines.join('\n')
  WARNED.set(s, { at, text })
  if (!synced && text === (mem.warned ?? '')) return false
  for (const line of lines) log(s, leader, now, line, 'W')
  if (text) mem.warned = text
  else delete mem.warned
  return true
}

function findLeader(s: ClusterState): Leader | undefined {
  const pod = controllerPods(s).find((p) => isPodReady(p) && !p.metadata.deletionTimestamp)
  const cond = pod?.status?.conditions?.find((c) => c.type === 'Ready')
  if (!pod || !cond?.lastTransitionTime) return undefined
  return { pod, readyAt: parseTimestamp(cond.lastTransitionTime) }
}

function memoryOf(s: ClusterState): IngressNginxMemory {
  s.runtime.ingressNginx ??= { synced: {}, ignored: {}, rr: {} }
  return s.runtime.ingressNginx
}

/**
 * A controller pod that replaced the one before (deleted, restarted, rescheduled) lists every
 * Ingress afresh: its own log gets the "Found valid IngressClass" lines and each Ingress another
 * Sync event, as its informer's first list calls AddFunc for all of them (store.go).
 */
function newLeader(mem: IngressNginxMemory, leader: Leader): void {
  const uid = leader.pod.metadata.uid
  if (mem.leader === uid) return
  if (mem.leader !== undefined) {
    mem.synced = {}
    mem.ignored = {}
    delete mem.warned
    delete mem.certs
    delete mem.secrets
  }
  mem.leader = uid
}

function forgetGone(mem: IngressNginxMemory, ingresses: readonly Ingress[]): void {
  const uids = new Set(ingresses.map((i) => i.metadata.uid))
  for (const uid of Object.keys(mem.synced)) if (!uids.has(uid)) delete mem.synced[uid]
  for (const uid of Object.keys(mem.ignored)) if (!uids.has(uid)) delete mem.ignored[uid]
}

function ingressKey(ing: Ingress): string {
  return `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`
}

function log(
  s: ClusterState,
  leader: Leader,
  at: number,
  line: string,
  level: 'I' | 'W' = 'I',
): void {
  appendLog(s, leader.pod.metadata.uid, 'controller', `${klogPrefix(at, level)}${line}`)
}

function logLines(s: ClusterState, leader: Leader, at: number, lines: LogLine[]): void {
  for (const l of lines) log(s, leader, at, l.text, l.level)
}

function noteIgnored(
  s: ClusterState,
  mem: IngressNginxMemory,
  leader: Leader,
  ing: Ingress,
  error: string,
  now: number,
): void {
  if (mem.ignored[ing.metadata.uid] === ing.metadata.resourceVersion) return
  mem.ignored[ing.metadata.uid] = ing.metadata.resourceVersion
  const text = JSON.stringify(error)
  log(
    s,
    leader,
    now,
    `store.go:436] "Ignoring ingress because of error while validating ingress class" ingress="${ingressKey(ing)}" error=${text}`,
  )
}

/** A served Ingress seen for the first time or changed since: log, event (store.go AddFunc/UpdateFunc). */
function syncIngress(
  s: ClusterState,
  mem: IngressNginxMemory,
  leader: Leader,
  ing: Ingress,
  className: string,
  now: number,
): boolean {
  const seen = mem.synced[ing.metadata.uid]
  if (seen && seen[0] === ing.metadata.resourceVersion) return false
  const created = parseTimestamp(ing.metadata.creationTimestamp ?? '') || now
  const since = seen ? seen[1] : created <= leader.readyAt ? leader.readyAt : now
  // an Ingress that existed when the controller started is listed when it starts
  const at = seen ? now : Math.min(now, since)
  log(
    s,
    leader,
    at,
    `store.go:440] "Found valid IngressClass" ingress="${ingressKey(ing)}" ingressclass="${className}"`,
  )
  const ns = ing.metadata.namespace ?? 'default'
  const anns = ing.metadata.annotations ?? {}
  for (const line of appRootWarnings(ns, ing.metadata.name, anns)) log(s, leader, at, line, 'W')
  logLines(s, leader, at, syncSecrets(s, mem, ing))
  recordSync(s, ing, at)
  mem.synced[ing.metadata.uid] = [ing.metadata.resourceVersion, since]
  return true
}

function recordSync(s: ClusterState, ing: Ingress, at: number): void {
  recordEvent(
    s,
    ing,
    {
      type: 'Normal',
      reason: 'Sync',
      message: 'Scheduled for sync',
      source: { component: INGRESS_NGINX.component },
    },
    at,
  )
}

/** The address --publish-service gives (status.go): the LB ingress of the controller Service. */
export function publishedAddresses(s: ClusterState): IngressLoadBalancerIngress[] {
  const svc = controllerService(s)
  return (svc?.status?.loadBalancer?.ingress ?? []).map((i) =>
    i.ip ? { ip: i.ip } : { hostname: (i as { hostname?: string }).hostname ?? '' },
  )
}

/** The latest status tick at or before `now` that comes after the Ingress became served. */
export function statusTick(readyAt: number, since: number, now: number): number | undefined {
  const first = readyAt + Math.ceil(Math.max(0, since - readyAt) / STATUS_SYNC_MS) * STATUS_SYNC_MS
  if (now < first) return undefined
  return readyAt + Math.floor((now - readyAt) / STATUS_SYNC_MS) * STATUS_SYNC_MS
}

function writeStatus(
  s: ClusterState,
  mem: IngressNginxMemory,
  leader: Leader,
  ing: Ingress,
  now: number,
): boolean {
  const seen = mem.synced[ing.metadata.uid]
  if (!seen) return false
  const tick = statusTick(leader.readyAt, seen[1], now)
  if (tick === undefined) return false
  const want = publishedAddresses(s)
  const have = ing.status?.loadBalancer?.ingress ?? []
  if (JSON.stringify(want) === JSON.stringify(have)) return false
  const current = have.length ? JSON.stringify(have) : 'null'
  log(
    s,
    leader,
    tick,
    `status.go:311] "updating Ingress status" namespace="${ing.metadata.namespace ?? 'default'}" ingress="${ing.metadata.name}" currentValue=${current} newValue=${JSON.stringify(want)}`,
  )
  ing.status = { loadBalancer: want.length ? { ingress: want } : {} }
  putObject(s, ing)
  // the status write is an update the controller's own informer sees: a second Sync (I19)
  recordSync(s, ing, tick)
  mem.synced[ing.metadata.uid] = [ing.metadata.resourceVersion, seen[1]]
  return true
}
