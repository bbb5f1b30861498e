// The top of a cluster document as a delta writes it (document-delta.ts): everything but the
// objects, a container's logs as what was appended since the base (log-stamps.ts). What does not
// change between deltas over one base is serialised once: the log lines appended since the base
// (a log is only appended to) and a container's record while its fields are the same.

import { cloneJSON } from './clone-json'
import { sameValues } from './document-changed'
import type { DeltaBase } from './document-delta'
import { logStamp } from './log-stamps'
import type { ClusterState, ContainerRuntime } from './state'

/** A container's log in the base, and what deltas over it keep. */
export interface BaseLog {
  /** the live array (appended to in place since) */
  lines: string[]
  /** its stamp and length when the base was taken */
  stamp: number
  length: number
  /**
   * the JSON of the first `count` lines appended since the base, comma-joined: a log is only ever
   * appended to (and trimmed at its front), so the n-th line appended since the base never changes
   * and each delta serialises only the lines appended since the last one
   */
  appended?: { count: number; json: string }
  /**
   * the container's record (all but its logs) when last written in a delta: a copy of its fields
   * and its JSON around the logs' place, reused while the fields are the same (sameValues)
   */
  record?: { fields: unknown[]; head: string; tail: string }
}

/** Where a record's logs sit among its fields (recordFields). */
const LOGS_SLOT = Symbol('logs')

/**
 * The JSON of everything in the document but its objects (a delta's `top`), a container's logs
 * `null` while they are the base's.
 */
export function topJSON(s: ClusterState, base: DeltaBase): string {
  return recordOf(s, (k, v) =>
    k === 'objects'
      ? undefined
      : k === 'runtime'
        ? runtimeJSON(s.runtime, base)
        : JSON.stringify(v),
  )
}

function runtimeJSON(runtime: ClusterState['runtime'], base: DeltaBase): string {
  return recordOf(runtime, (k, v) =>
    k === 'containers' ? containersJSON(runtime.containers, base) : JSON.stringify(v),
  )
}

function containersJSON(containers: Record<string, ContainerRuntime>, base: DeltaBase): string {
  return recordOf(containers, (key, rt: ContainerRuntime | undefined) => {
    if (rt === undefined) return undefined
    const was = base.logs.get(key)
    const logs = logDeltaJSON(rt.logs, was)
    return logs === undefined || was === undefined ? JSON.stringify(rt) : recordJSON(rt, logs, was)
  })
}

/** JSON.stringify(rt) with its logs' JSON given; the rest reused from the last delta if unchanged. */
function recordJSON(rt: ContainerRuntime, logs: string, was: BaseLog): string {
  const kept = was.record
  if (kept !== undefined && isSameRecord(kept.fields, rt)) return kept.head + logs + kept.tail
  const fields = recordFields(rt)
  // the record's fields as JSON, split at the logs' place
  const before: string[] = []
  const after: string[] = []
  let part = before
  const r = rt as unknown as Record<string, unknown>
  for (const k in r) {
    if (k === 'logs') {
      before.push('"logs":')
      part = after
      continue
    }
    const json = JSON.stringify(r[k]) as string | undefined
    if (json !== undefined) part.push(`${JSON.stringify(k)}:${json}`)
  }
  const head = `{${before.join(',')}`
  const tail = `${after.map((p) => `,${p}`).join('')}}`
  was.record = { fields: cloneJSON(fields), head, tail }
  return head + logs + tail
}

/** sameValues(fields, recordFields(rt)), without building the latter. */
function isSameRecord(fields: unknown[], rt: ContainerRuntime): boolean {
  const r = rt as unknown as Record<string, unknown>
  let i = 0
  for (const k in r) {
    if (fields[i] !== k || !sameValues(fields[i + 1], k === 'logs' ? LOGS_SLOT : r[k])) return false
    i += 2
  }
  return i === fields.length
}

/** A record's keys in order and its values but the logs (a key holding undefined included). */
function recordFields(rt: ContainerRuntime): unknown[] {
  const out: unknown[] = []
  const r = rt as unknown as Record<string, unknown>
  for (const k in r) out.push(k, k === 'logs' ? LOGS_SLOT : r[k])
  return out
}

/**
 * JSON.stringify(o) for a plain object, each value's JSON given by `json` (undefined: the key is
 * left out, as JSON.stringify leaves out undefined). Built by concatenation, not join: the parts
 * holding the container logs are long, and each join would copy them again.
 */
function recordOf<T>(o: object, json: (k: string, v: T) => string | undefined): string {
  let out = ''
  const r = o as Record<string, T>
  for (const k in r) {
    const v = json(k, r[k] as T)
    if (v !== undefined) out += (out === '' ? '{' : ',') + JSON.stringify(k) + ':' + v
  }
  return out === '' ? '{}' : out + '}'
}

/** A log's JSON in a delta (LogDelta), or undefined when it is written whole (a new array). */
function logDeltaJSON(lines: string[], was: BaseLog | undefined): string | undefined {
  if (was === undefined || was.lines !== lines) return undefined
  const added = logStamp(lines) - was.stamp
  if (added === 0) return 'null'
  if (added > lines.length) return undefined
  const drop = was.length + added - lines.length
  return `{"drop":${drop},"add":[${appendedJSON(lines, added, was)}]}`
}

/** The JSON of the last `added` lines (those appended since the base), comma-joined. */
function appendedJSON(lines: string[], added: number, was: BaseLog): string {
  const kept = was.appended !== undefined && was.appended.count <= added ? was.appended : undefined
  let json = kept?.json ?? ''
  for (let i = lines.length - added + (kept?.count ?? 0); i < lines.length; i++)
    json += `${json === '' ? '' : ','}${JSON.stringify(lines[i])}`
  was.appended = { count: added, json }
  return json
}
