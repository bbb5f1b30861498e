// busybox 1.36 wget (networking/wget.c download_one_url): the request (its Host and User-Agent
// unless a --header names them, `Connection: close`, then the --header lines), and what it does
// with the answer: 200-204 are saved, 300-303 (and 307, 308 from 1.34, commit e71ea6c1f) with a
// Location are followed (a relative one on the same connection, an absolute one after resolving
// its host again; the 16th is "too many redirections", the 5th before 1.32), anything else (4xx,
// 5xx) is "server returned error".

import { fileKey } from '../fs-path'
import type { ProcessResult } from '../../context'
import type { HttpResponse } from '../../net/types'
import type { Proc } from '../host'
import { parseCurlUrl } from './curl/url'
import { sendHttp } from './send'
import { parseWgetArgs, responseLines, splitHeader } from './wget'
import { utf8Length } from '../../utf8'

const USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'

/** busybox's bar with an 80-column default (stderr is not a terminal): one line at the end. */
function bbProgress(file: string, size: number): string {
  const name = file.length > 20 ? file.slice(0, 20) : file.padEnd(20)
  return `${name} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`
}

interface Target {
  scheme: 'http' | 'https'
  /** as busybox keeps it: with `:port` when one was written */
  host: string
  name: string
  port: number
  path: string
}

function targetOf(url: string): Target | undefined {
  const u = parseCurlUrl(url)
  if (!u.ok) return undefined
  const typed = url.replace(/^[a-z]+:\/\//i, '').replace(/[/?#].*$/, '')
  return { scheme: u.scheme, host: typed, name: u.host, port: u.port, path: u.path }
}

const SUCCESS = new Set([200, 201, 202, 203, 204])

/** Whether busybox `version` is at least major.minor. */
function isAtLeast(version: string, minor: number): boolean {
  const [a, b] = version.split('.').map(Number)
  return (a ?? 0) > 1 || ((a ?? 0) === 1 && (b ?? 0) >= minor)
}

/** busybox wget of a given version (`1.36.1`). */
export const busyboxWget =
  (version: string) =>
  (p: Proc): ProcessResult =>
    download(p, {
      redirects: new Set(
        isAtLeast(version, 34) ? [300, 301, 302, 303, 307, 308] : [300, 301, 302, 303],
      ),
      limit: isAtLeast(version, 32) ? 16 : 5,
    })

function download(p: Proc, rules: { redirects: Set<number>; limit: number }): ProcessResult {
  const redirects = rules.redirects
  const o = parseWgetArgs(p.argv.slice(1))
  if (o.bad)
    return { stdout: '', stderr: `wget: invalid option -- '${o.bad}'\n${USAGE}`, exitCode: 1 }
  if (!o.url) return { stdout: '', stderr: USAGE, exitCode: 1 }
  let target = targetOf(o.url)
  if (!target)
    return { stdout: '', stderr: `wget: not an http or ftp url: ${o.url}\n`, exitCode: 1 }
  // wget_user_headers: a --header starting with `Host:` / `User-Agent:` replaces busybox's own
  const user = o.headers.map(splitHeader).filter((h): h is [string, string] => !!h)
  const userHost = o.headers.some((h) => h.startsWith('Host:'))
  const userAgent = o.headers.some((h) => h.startsWith('User-Agent:'))
  let err = ''
  let redirLimit = rules.limit
  let resolve = true
  let ip = ''
  const fail = (msg: string): ProcessResult => ({
    stdout: '',
    stderr: `${err}wget: ${msg}\n`,
    exitCode: 1,
  })
  for (;;) {
    const headers: Record<string, string> = {}
    if (!userHost) headers.Host = target.host
    if (!userAgent) headers['User-Agent'] = o.userAgent ?? 'Wget'
    headers.Connection = 'close'
    for (const [k, v] of user) headers[k] = v
    const r = sendHttp(p, {
      host: target.name,
      port: target.port,
      method: o.spider ? 'HEAD' : 'GET',
      path: target.path,
      headers,
      scheme: target.scheme,
    })
    if (r.outcome === 'nxdomain') return fail(`bad address '${target.name}'`)
    if (resolve) {
      ip = r.ip ?? ''
      if (!o.quiet) err += `Connecting to ${target.host} (${ip}:${target.port})\n`
    }
    if (r.outcome === 'refused')
      return fail(`can't connect to remote host (${ip}): Connection refused`)
    if (r.outcome === 'unreachable')
      return fail(`can't connect to remote host (${ip}): No route to host`)
    if (r.outcome === 'timeout')
      return fail(
        o.timeout
          ? 'download timed out'
          : `can't connect to remote host (${ip}): Connection timed out`,
      )
    const res = r.response
    if (!res) return fail('error getting response: Connection reset by peer')
    if (o.serverResponse) err += responseLines(res, '  ')
    const status = `HTTP/1.1 ${res.status} ${res.reason}`
    if (!SUCCESS.has(res.status) && !redirects.has(res.status))
      return fail(`server returned error: ${status}`)
    const location = locationOf(res)
    if (!redirects.has(res.status) || location === undefined) return save(p, o, target, res, err)
    if (--redirLimit === 0) return fail('too many redirections')
    if (location.startsWith('/')) {
      target = { ...target, path: location }
      resolve = false
      continue
    }
    const next = targetOf(location)
    if (!next) return fail(`not an http or ftp url: ${location}`)
    target = next
    resolve = true
  }
}

function locationOf(res: HttpResponse): string | undefined {
  return res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
}

function save(
  p: Proc,
  o: ReturnType<typeof parseWgetArgs>,
  target: Target,
  res: HttpResponse,
  err: string,
): ProcessResult {
  if (o.spider)
    return { stdout: '', stderr: err + (o.quiet ? '' : 'remote file exists\n'), exitCode: 0 }
  const file =
    o.output ??
    (target.path
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ||
      'index.html')
  const size = utf8Length(res.body)
  if (file === '-') {
    if (!o.quiet) err += `writing to stdout\n${bbProgress('-', size)}written to stdout\n`
    return { stdout: res.body, stderr: err, exitCode: 0 }
  }
  if (!o.quiet) err += `saving to '${file}'\n${bbProgress(file, size)}'${file}' saved\n`
  if (file !== '/dev/null') p.files[fileKey(p.env.PWD, file)] = res.body
  return { stdout: '', stderr: err, exitCode: 0 }
}
