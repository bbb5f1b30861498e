// The controller's log formats: klog's header (`I1206 02:22:51.123000       7 `, PID 7 as in the
// facts' transcripts) and nginx's access log in ingress-nginx's `upstreaminfo` format
// (ingress-nginx config.go log-format-upstream).

import { logTime } from '../images/http-util'

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/**
 * `I<mmdd hh:mm:ss.uuuuuu>       7 ` (klog text header; microseconds from the ms clock), the
 * severity letter first (I info, W warning, E error).
 */
export function klogPrefix(at: number, severity: 'I' | 'W' | 'E' = 'I'): string {
  const d = new Date(at)
  const date = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${severity}${date} ${time}.${pad(d.getUTCMilliseconds(), 3)}000       7 `
}

export interface AccessLogEntry {
  remoteAddr: string
  at: number
  requestLine: string
  status: number
  bodyBytes: number
  referer: string
  userAgent: string
  requestLength: number
  /** `default-web-80`, or `upstream-default-backend` for the controller's own 404 */
  upstream: string
  /** `10.244.1.5:80`, `127.0.0.1:8181`, or '' when no upstream was tried (503) */
  upstreamAddr: string
  upstreamStatus: string
  requestId: string
}

/** One line of the upstreaminfo log format. */
export function accessLogLine(e: AccessLogEntry): string {
  const upstreamAddr = e.upstreamAddr || '-'
  // no upstream tried (the balancer's 503): nginx logs every $upstream_* variable as `-`
  const upstreamLen = e.upstreamAddr ? String(e.bodyBytes) : '-'
  const upstreamTime = e.upstreamAddr ? '0.001' : '-'
  const upstreamStatus = e.upstreamAddr ? e.upstreamStatus : '-'
  return `${e.remoteAddr} - - [${logTime(e.at)}] "${e.requestLine}" ${e.status} ${e.bodyBytes} "${e.referer}" "${e.userAgent}" ${e.requestLength} 0.001 [${e.upstream}] [] ${upstreamAddr} ${upstreamLen} ${upstreamTime} ${upstreamStatus} ${e.requestId}`
}
