// What `GET .../pods/<name>/log` reads (kubelet's container log, as kubectl logs prints it in our
// terminal): the container's recorded lines, `tailLines`, `limitBytes`, `timestamps`. Lines carry
// no time of their own in the simulation: a timestamp is read from the line when it has one
// (nginx's `[06/Dec/2026:02:27:47 +0000]`, Go's `2026/12/06 02:27:47`), else it is the time of
// the line before, starting at the container's start. `sinceSeconds`/`sinceTime` are ignored.

import { logStatusError } from '../../sim/kubectl/logs'
import type { Pod } from '../../sim/objects/types'
import { parseTimestamp, type ClusterState } from '../../sim/state'
import { MONTHS } from '../../sim/time-names'

export interface LogQuery {
  container: string
  previous: boolean
  timestamps: boolean
  tailLines?: number
  limitBytes?: number
}

/** The time a log line names, if it names one. */
export function lineTime(line: string): number | undefined {
  const nginx = /\[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) \+0000\]/.exec(line)
  if (nginx) {
    const [, d, mon, y, h, mi, s] = nginx
    const m = MONTHS.indexOf(mon ?? '')
    if (m >= 0) return Date.UTC(Number(y), m, Number(d), Number(h), Number(mi), Number(s))
  }
  const go = /^(\d{4})[/-](\d\d)[/-](\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(line)
  if (go) {
    const [, y, mo, d, h, mi, s] = go
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  }
  return undefined
}

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines with `timestamps=true`. */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
}

export function containerLines(s: ClusterState, pod: Pod, container: string): string[] {
  return s.runtime.containers[`${pod.metadata.uid}/${container}`]?.logs ?? []
}

/** When the container started (for lines without a time of their own). */
export function containerStart(pod: Pod, container: string): number {
  const st = (pod.status.containerStatuses ?? []).find((c) => c.name === container)
  const at = st?.state.running?.startedAt ?? st?.state.terminated?.startedAt
  return at ? parseTimestamp(at) : parseTimestamp(pod.metadata.creationTimestamp)
}

/** The lines as the response body writes them (`\n` after each). */
export function formatLines(lines: string[], timestamps: boolean, since: number): string {
  let t = since
  return lines
    .map((raw) => {
      const line = raw.replace(/\n$/, '')
      if (!timestamps) return `${line}\n`
      t = Math.max(t, lineTime(line) ?? t)
      return `${rfc3339Nano(t)} ${line}\n`
    })
    .join('')
}

/** The first answer: why there is no log (kubelet's wording), or the lines to send. */
export function readLog(
  s: ClusterState,
  pod: Pod,
  q: LogQuery,
): { error: string } | { lines: string[] } {
  const why = logStatusError(pod, q.container, q.previous)
  if (why) return { error: why }
  const all = containerLines(s, pod, q.container)
  const tail = q.tailLines
  return {
    lines: tail !== undefined && tail >= 0 ? all.slice(Math.max(0, all.length - tail)) : all,
  }
}

/**
 * Lines appended between two reads of the same container's log. The log keeps its newest lines
 * only (LOG_LINES_MAX), so the old one may have lost lines at its start: the longest end of
 * `before` that starts `after` is what both have.
 */
export function appendedLines(before: string[], after: string[]): string[] {
  for (let drop = 0; drop <= before.length; drop++) {
    const keep = before.length - drop
    if (keep > after.length) continue
    let same = true
    for (let i = 0; i < keep && same; i++) same = before[drop + i] === after[i]
    if (same) return after.slice(keep)
  }
  return after
}
