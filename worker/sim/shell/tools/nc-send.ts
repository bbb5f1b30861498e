// `printf 'GET / HTTP/1.0\r\n\r\n' | nc HOST PORT`: netcat without -z opens the connection and
// sends its stdin. When stdin is an HTTP request it goes through route() like curl's, and nc
// prints the server's raw answer (status line, headers, body). Left out: the connection staying
// open after an HTTP/1.1 answer until -w or Ctrl+C (here nc ends with the answer), and anything
// but HTTP (other data is sent and nothing comes back).

import type { HttpRequest, RouteResult } from '../../net/types'
import type { ProcessResult } from '../../context'
import type { Proc } from '../host'
import { connectTcp, sendHttp } from './send'

/** The request stdin holds, when it starts with an HTTP request line and ends its headers. */
export function httpRequestOf(stdin: string, host: string, port: number): HttpRequest | undefined {
  const end = /\r?\n\r?\n/.exec(stdin)
  if (!end) return undefined
  const [first = '', ...lines] = stdin.slice(0, end.index).split(/\r?\n/)
  const m = /^([A-Z]+) (\S+) HTTP\/(1\.[01])$/.exec(first)
  if (!m) return undefined
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return { host, port, method: m[1] ?? 'GET', path: m[2] ?? '/', headers, scheme: 'http' }
}

/** The answer as the server writes it on the connection (an HTTP/1.0 request gets it closed). */
function rawResponse(res: NonNullable<RouteResult['response']>, version: string): string {
  const headers = res.headers.map(([k, v]): [string, string] =>
    version === '1.0' && k.toLowerCase() === 'connection' ? [k, 'close'] : [k, v],
  )
  const head = [`HTTP/1.1 ${res.status} ${res.reason}`, ...headers.map(([k, v]) => `${k}: ${v}`)]
  return head.map((l) => `${l}\r\n`).join('') + '\r\n' + res.body
}

export interface SendFailure {
  outcome: RouteResult['outcome']
  ip?: string
}

/**
 * Connects and sends stdin; the raw answer on stdout, or the failed connection for the caller to
 * word in its flavour.
 */
export function sendStdin(
  p: Proc,
  host: string,
  port: number,
): { result: ProcessResult; ip: string } | { failed: SendFailure } {
  const req = httpRequestOf(p.stdin, host, port)
  if (req) {
    const r = sendHttp(p, req)
    if (r.outcome !== 'answered' || !r.response) return { failed: r }
    const version = /HTTP\/(1\.[01])/.exec(p.stdin)?.[1] ?? '1.1'
    const stdout = rawResponse(r.response, version)
    return { result: { stdout, stderr: '', exitCode: 0 }, ip: r.ip ?? '' }
  }
  const r = connectTcp(p, host, port)
  if (r.outcome !== 'answered') return { failed: r }
  return { result: { stdout: '', stderr: '', exitCode: 0 }, ip: r.ip ?? '' }
}
