// HTTP helpers the simulated servers share: dates as servers and logs write them, headers, sizes.

import type { HttpRequest } from '../net/types'
import type { ImageInfo } from './catalog'
import { DAYS, MONTHS } from '../time-names'
import type { MainProcess } from './process'

export interface ServeContext {
  podName: string
  podIP: string
  image: ImageInfo
  process: MainProcess
  now: number
  /** the address the server sees the connection from (after kube-proxy SNAT, if any) */
  clientIP: string
  clientPort: number
  /** the port the connection arrived on inside the pod */
  port: number
}

/** RFC 7231 date as servers write it: `Thu, 26 Nov 2026 06:10:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  // what toUTCString writes, built from its parts: several times cheaper, and every response
  // carries one or two; years outside four digits (never seen here) are left to toUTCString
  if (!(year >= 1000 && year <= 9999)) return d.toUTCString()
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${year} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
}

/** Zero-padded number. */
export function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** nginx/Apache `$time_local` in UTC: `26/Nov/2026:06:10:00 +0000`. */
export function logTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

/** Go's log package prefix: `2026/11/26 06:10:00`. */
export function goLogTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** A request header, case-insensitive. */
export function header(req: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === lower) return v
  return undefined
}

/** Release dates of the welcome page file per nginx minor (what Last-Modified and ETag show). */
