// GNU wget 1.21 (the workstation's, and Ubuntu's after apt-get install wget): its log lines on
// stderr, the dot progress of a non-terminal, exit codes 4 (network), 8 (server error).

import { fileKey } from '../fs-path'
import type { ProcessResult } from '../../context'
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

/** GNU wget 1.21: one URL, its log on stderr, the body to a file or `-O -` to stdout. */
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
  const u = parseCurlUrl(o.url)
  if (!u.ok) return { stdout: '', stderr: `${o.url}: Unsupported scheme.\n`, exitCode: 1 }
  const url = `${u.scheme}://${u.host}${u.defaultPort ? '' : `:${u.port}`}${u.path}`
  const r = sendHttp(p, {
    host: u.host,
    port: u.port,
    method: o.spider ? 'HEAD' : 'GET',
    path: u.path,
    headers: gnuHeaders(o, u.defaultPort ? u.host : `${u.host}:${u.port}`),
    scheme: u.scheme,
  })
  const log: string[] = [`--${stamp(p.ctx.now)}--  ${url}`]
  const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(u.host)
  const done = (code: number, stdout = ''): ProcessResult => ({
    stdout,
    stderr: o.quiet ? '' : log.join('\n') + '\n',
    exitCode: code,
  })
  if (!isIP)
    log.push(
      `Resolving ${u.host} (${u.host})... ${r.outcome === 'nxdomain' ? 'failed: Name or service not known.' : r.ip}`,
    )
  if (r.outcome === 'nxdomain') {
    log.push(`wget: unable to resolve host address ‘${u.host}’`)
    return done(4)
  }
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
    return done(4)
  }
  log.push(`Connecting to ${where}... connected.`)
  const res = r.response
  if (!res) {
    log.push('HTTP request sent, awaiting response... No data received.', 'Retrying.', '')
    return done(4)
  }
  log.push(
    `HTTP request sent, awaiting response... ${o.serverResponse ? '\n' + responseLines(res, '  ').trimEnd() : `${res.status} ${res.reason}`}`,
  )
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
  const file =
    o.output ??
    (u.path
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
