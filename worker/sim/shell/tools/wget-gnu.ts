// GNU wget 1.21 (the workstation's, and Ubuntu's after apt-get install wget): its log lines on
// stderr, the dot progress of a non-terminal, exit codes 4 (network), 8 (server error).

import { fileKey } from '../fs-path'
import type { ProcessResult } from '../../context'
import type { HttpResponse } from '../../net/types'
import type { Proc } from '../host'
import { parseCurlUrl } from './curl/url'
import { sendHttp } from './send'
import { parseWgetArgs, responseLines, splitHeader, type WgetOptions } from './wget'
import { utf8Length } from '../../utf8'

function stamp(now: number): string {
  return new Date(now).toISOString().replace('T', ' ').slice(0, 19)
}

function saved(now: number, file: string, size: number): string {
  return `${stamp(now)} (58.4 MB/s) - ${file === '-' ? 'written to stdout' : `‘${file}’ saved`} [${size}/${size}]`
}

/** GNU wget's request headers; a --header with the name of one of them replaces it (http.c). */
function gnuHeaders(o: WgetOptions, host: string): Record<string, string> {
  const list: [string, string][] = [
    ['User-Agent', o.userAgent ?? 'Wget/1.21.4'],
    ['Accept', '*/*'],
    ['Accept-Encoding', 'identity'],
    ['Host', host],
    ['Connection', 'Keep-Alive'],
  ]
  for (const h of o.headers) {
    const kv = splitHeader(h)
    if (!kv) continue
    const at = list.findIndex(([k]) => k.toLowerCase() === kv[0].toLowerCase())
    if (at >= 0) list[at] = kv
    else list.push(kv)
  }
  return Object.fromEntries(list)
}

/** GNU wget 1.21: one URL (and the redirects it follows), its log on stderr, the body to a file or `-O -` to stdout. */
export function gnuWget(p: Proc): ProcessResult {
  const o = parseWgetArgs(p.argv.slice(1))
  if (o.bad)
    return {
      stdout: '',
      stderr: `wget: invalid option -- '${o.bad}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`,
      exitCode: 2,
    }
  if (!o.url)
    return {
      stdout: '',
      stderr:
        "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
      exitCode: 1,
    }
  const first = parseCurlUrl(o.url)
  if (!first.ok) return { stdout: '', stderr: `${o.url}: Unsupported scheme.\n`, exitCode: 1 }
  const log: string[] = []
  const done = (code: number, stdout = ''): ProcessResult => ({
    stdout,
    stderr: o.quiet ? '' : log.join('\n') + '\n',
    exitCode: code,
  })
  const resolved = new Set<string>()
  let kept: Connection | undefined
  let u = first
  for (let redirects = 0; ; redirects++) {
    const hop = fetchOne(p, o, u, log, resolved, kept)
    if ('exitCode' in hop) return done(hop.exitCode)
    const res = hop.res
    const location = res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if (!REDIRECT.has(res.status) || location === undefined)
      return saveBody(p, o, first.path, res, log, done)
    // retr.c retrieve_url: `Location: ... [following]`, then the next URL's block, up to 20
    log.push(`Location: ${location} [following]`)
    if (redirects + 1 > 20) {
      log.push('20 redirections exceeded.')
      return done(8)
    }
    const next = parseCurlUrl(resolveLocation(u, location))
    if (!next.ok) return done(1)
    kept = isKeepAlive(res) ? hop.conn : undefined
    u = next
  }
}

type Url = Extract<ReturnType<typeof parseCurlUrl>, { ok: true }>

/** The connection wget keeps open after an answer, as it named it and where it goes. */
interface Connection {
  name: string
  ip: string
  port: number
}

const REDIRECT = new Set([301, 302, 303, 307, 308])

/** A Location made absolute against the URL it answered (url.c uri_merge, the common cases). */
function resolveLocation(u: Url, location: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location
  const origin = `${u.scheme}://${u.host}${u.defaultPort ? '' : `:${u.port}`}`
  if (location.startsWith('//')) return `${u.scheme}:${location}`
  if (location.startsWith('/')) return origin + location
  const dir = u.path.replace(/[?#].*$/, '').replace(/[^/]*$/, '')
  return origin + dir + location
}

function isKeepAlive(res: HttpResponse): boolean {
  const c = res.headers.find(([k]) => k.toLowerCase() === 'connection')?.[1]
  return c?.toLowerCase() !== 'close'
}

/** One request of the run: its block of the log, and the answer or wget's exit status. */
function fetchOne(
  p: Proc,
  o: WgetOptions,
  u: Url,
  log: string[],
  resolved: Set<string>,
  kept: Connection | undefined,
): { res: HttpResponse; conn: Connection } | { exitCode: number } {
  const url = `${u.scheme}://${u.host}${u.defaultPort ? '' : `:${u.port}`}${u.path}`
  const r = sendHttp(p, {
    host: u.host,
    port: u.port,
    method: o.spider ? 'HEAD' : 'GET',
    path: u.path,
    headers: gnuHeaders(o, u.defaultPort ? u.host : `${u.host}:${u.port}`),
    scheme: u.scheme,
  })
  log.push(`--${stamp(p.ctx.now)}--  ${url}`)
  const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(u.host)
  // host.c lookup_host: a name already resolved in this run is not looked up (nor logged) again
  if (!isIP && !resolved.has(u.host))
    log.push(
      `Resolving ${u.host} (${u.host})... ${r.outcome === 'nxdomain' ? 'failed: Name or service not known.' : r.ip}`,
    )
  if (r.outcome === 'nxdomain') {
    log.push(`wget: unable to resolve host address ‘${u.host}’`)
    return { exitCode: 4 }
  }
  resolved.add(u.host)
  const conn = kept && kept.ip === r.ip && kept.port === u.port ? kept : undefined
  const where = isIP ? `${u.host}:${u.port}` : `${u.host} (${u.host})|${r.ip}|:${u.port}`
  if (r.outcome !== 'answered') {
    const why =
      r.outcome === 'refused'
        ? 'Connection refused'
        : r.outcome === 'unreachable'
          ? 'No route to host'
          : 'Connection timed out'
    log.push(`Connecting to ${where}... failed: ${why}.`)
    if (r.outcome === 'timeout')
      log.push(
        'Retrying.',
        '',
        `--${stamp(p.ctx.now + 900_000)}--  (try:20)  ${url}`,
        `Connecting to ${where}... failed: ${why}.`,
        'Giving up.',
        '',
      )
    return { exitCode: 4 }
  }
  if (conn) log.push(`Reusing existing connection to ${conn.name}:${conn.port}.`)
  else log.push(`Connecting to ${where}... connected.`)
  const res = r.response
  if (!res) {
    log.push('HTTP request sent, awaiting response... No data received.', 'Retrying.', '')
    return { exitCode: 4 }
  }
  log.push(
    `HTTP request sent, awaiting response... ${o.serverResponse ? '\n' + responseLines(res, '  ').trimEnd() : `${res.status} ${res.reason}`}`,
  )
  return { res, conn: conn ?? { name: u.host, ip: r.ip ?? '', port: u.port } }
}

/** The final answer: an error status, or the body saved under the first URL's name. */
function saveBody(
  p: Proc,
  o: WgetOptions,
  firstPath: string,
  res: HttpResponse,
  log: string[],
  done: (code: number, stdout?: string) => ProcessResult,
): ProcessResult {
  if (res.status >= 400) {
    log.push(`${stamp(p.ctx.now)} ERROR ${res.status}: ${res.reason}.`, '')
    return done(8)
  }
  const size = utf8Length(res.body)
  const type = res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  log.push(`Length: ${size} [${type ?? 'text/plain'}]`)
  if (o.spider) {
    log.push(
      'Remote file exists and could contain further links,',
      'but recursion is disabled -- not retrieving.',
      '',
    )
    return done(0)
  }
  // without --trust-server-names the file is named after the URL typed, not the redirect's
  const file =
    o.output ??
    (firstPath
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ||
      'index.html')
  log.push(
    `Saving to: ‘${file === '-' ? 'STDOUT' : file}’`,
    '',
    `     0K                                                       100% 58.4M=0s`,
  )
  log.push('', saved(p.ctx.now, file, size), '')
  if (file !== '-' && file !== '/dev/null') p.files[fileKey(p.env.PWD, file)] = res.body
  return done(0, file === '-' ? res.body : '')
}
