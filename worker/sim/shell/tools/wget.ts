// wget: busybox 1.36 (networking/wget.c, libbb/progress.c) in busybox/Alpine images, GNU wget
// 1.21 on the workstation and after `apt-get install wget`. Options: -q, -O FILE|-, -T SEC, -S,
// --spider. A black-holed connection answers at once with what wget prints after the kernel
// gives up (busybox) or after its 20 tries (GNU, abridged to the first and last).

import { fileKey } from '../fs-path'
import type { ProcessResult } from '../../context'
import type { HttpResponse, RouteResult } from '../../net/types'
import type { Proc, Tool } from '../host'
import { parseCurlUrl } from './curl/url'
import { sendHttp } from './send'
import { gnuWget } from './wget-gnu'
import { utf8Length } from '../../utf8'

export interface WgetOptions {
  quiet: boolean
  output?: string
  timeout?: number
  serverResponse: boolean
  spider: boolean
  url?: string
  bad?: string
}

/** The options busybox and GNU wget share here: -q, -O, -T, -S, --spider. */
export function parseWgetArgs(args: string[]): WgetOptions {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--spider') o.spider = true
    else if (a === '--quiet') o.quiet = true
    else if (a.startsWith('--output-document=')) o.output = a.slice(18)
    else if (a.startsWith('--timeout=')) o.timeout = Number(a.slice(10))
    else if (a.startsWith('--')) continue
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string
        if (c === 'q') o.quiet = true
        else if (c === 'S') o.serverResponse = true
        else if (c === 'O' || c === 'T') {
          const v = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '')
          if (c === 'O') o.output = v
          else o.timeout = Number(v)
          break
        } else if (!'cnv'.includes(c)) o.bad = c
      }
    } else o.url = a
  }
  return o
}

/** busybox's bar with an 80-column default (stderr is not a terminal): one line at the end. */
function bbProgress(file: string, size: number): string {
  const name = file.length > 20 ? file.slice(0, 20) : file.padEnd(20)
  return `${name} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`
}

function busyboxWget(p: Proc): ProcessResult {
  const o = parseWgetArgs(p.argv.slice(1))
  if (o.bad)
    return {
      stdout: '',
      stderr: `wget: invalid option -- '${o.bad}'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`,
      exitCode: 1,
    }
  if (!o.url)
    return {
      stdout: '',
      stderr:
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n',
      exitCode: 1,
    }
  const u = parseCurlUrl(o.url)
  if (!u.ok) return { stdout: '', stderr: `wget: not an http or ftp url: ${o.url}\n`, exitCode: 1 }
  const hostTyped = o.url.replace(/^[a-z]+:\/\//i, '').replace(/[/?#].*$/, '')
  const r = sendHttp(p, {
    host: u.host,
    port: u.port,
    method: o.spider ? 'HEAD' : 'GET',
    path: u.path,
    headers: {
      Host: u.defaultPort ? u.host : `${u.host}:${u.port}`,
      'User-Agent': 'Wget',
      Connection: 'close',
    },
    scheme: u.scheme,
  })
  if (r.outcome === 'nxdomain')
    return { stdout: '', stderr: `wget: bad address '${u.host}'\n`, exitCode: 1 }
  let err = o.quiet ? '' : `Connecting to ${hostTyped} (${r.ip}:${u.port})\n`
  const fail = (msg: string): ProcessResult => ({
    stdout: '',
    stderr: `${err}wget: ${msg}\n`,
    exitCode: 1,
  })
  if (r.outcome === 'refused')
    return fail(`can't connect to remote host (${r.ip}): Connection refused`)
  if (r.outcome === 'unreachable')
    return fail(`can't connect to remote host (${r.ip}): No route to host`)
  if (r.outcome === 'timeout')
    return fail(
      o.timeout
        ? 'download timed out'
        : `can't connect to remote host (${r.ip}): Connection timed out`,
    )
  const res = r.response
  if (!res) return fail('error getting response: Connection reset by peer')
  if (o.serverResponse) err += responseLines(res, '  ')
  if (res.status >= 400) return fail(`server returned error: HTTP/1.1 ${res.status} ${res.reason}`)
  if (o.spider)
    return { stdout: '', stderr: err + (o.quiet ? '' : 'remote file exists\n'), exitCode: 0 }
  const file =
    o.output ??
    (u.path
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

/** The response status line and headers, indented, as wget -S prints them. */
export function responseLines(res: HttpResponse, indent: string): string {
  return [`HTTP/1.1 ${res.status} ${res.reason}`, ...res.headers.map(([k, v]) => `${k}: ${v}`)]
    .map((l) => `${indent}${l}\n`)
    .join('')
}

export type { RouteResult }

/** wget in the flavour the host has: `busybox/<v>` or `gnu/<v>`. */
export function wgetTool(flavour: string): Tool {
  return flavour.startsWith('busybox') ? busyboxWget : gnuWget
}
