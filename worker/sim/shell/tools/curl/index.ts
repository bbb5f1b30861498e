// curl, as the image ships it (8.5.0 on the workstation and Ubuntu, 8.11 in curlimages/netshoot,
// 7.x in nginx images): one transfer per URL through route(), with curl's exit codes (0, 3, 6, 7,
// 22, 28, 35, 52, 60), messages, -v trace, -i/-I headers, -o, -w, -f, -L and the progress meter.
// A black-holed connection without -m/--connect-timeout answers at once with what curl prints
// after the kernel gives up (~130 s, exit 28): the line cannot wait that long.

import type { ProcessResult } from '../../../context'
import type { HttpRequest, RouteResult } from '../../../net/types'
import type { Proc, Tool } from '../../host'
import { randomInt } from '../../../state'
import { parseCurlArgs, type CurlOptions } from './args'
import { parseCurlUrl } from './url'
import { curlFlavour, type CurlFlavour } from './flavour'
import { writeOut, type TransferInfo } from './write-out'
import { sendHttp } from '../send'
import { CURL_HELP, curlVersionText } from './help'
import { Output, type Transfer } from './output'
import { emptyInfo, methodOf, requestHeaders } from './request'
import { connectTarget } from './connect-target'
import { OrderedOutput, type Transcript } from '../../io'
import { hopPieces } from './hop-order'

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"

/** curl of a given version, as a program of the host it runs on. */
export function curlTool(version: string): Tool {
  const flavour = curlFlavour(version)
  return (p) => runCurl(p, flavour)
}

function runCurl(p: Proc, f: CurlFlavour): ProcessResult {
  if (p.argv.length === 1) return { stdout: '', stderr: TRY, exitCode: 2 }
  const parsed = parseCurlArgs(p.argv.slice(1))
  if (!parsed.ok) return { stdout: '', stderr: `curl: ${parsed.error}\n${TRY}`, exitCode: 2 }
  const o = parsed.opts
  if (o.help) return { stdout: CURL_HELP, stderr: '', exitCode: 0 }
  if (o.version) return { stdout: curlVersionText(f), stderr: '', exitCode: 0 }
  if (o.urls.length === 0)
    return { stdout: '', stderr: `curl: (2) no URL specified\n${TRY}`, exitCode: 2 }
  const out = new OrderedOutput()
  let exitCode = 0
  for (const url of o.urls) {
    const t = follow(p, o, f, url)
    for (const piece of t.pieces)
      (piece.stream === 'stdout' ? out.out : out.err).call(out, piece.text)
    const showError = !o.silent || o.showError
    if (t.error) {
      exitCode = t.error.code
      if (o.verbose && t.error.code !== 3) out.err(`* ${f.closing}\n`)
      if (showError) out.err(`curl: (${t.error.code}) ${t.error.message}\n`)
    }
    if (o.writeOut !== undefined) {
      const w = writeOut(o.writeOut, {
        ...t.info,
        exitCode: t.error?.code ?? 0,
        errorMessage: t.error?.message ?? '',
      })
      out.out(w.stdout)
      out.err(w.stderr)
    }
  }
  return out.result(exitCode)
}

const REDIRECTS = [301, 302, 303, 307, 308]

/**
 * -L: follows Location like curl (up to 50), printing only the last body and, with -i, every
 * header block; each hop's output in the order curl writes it (hop-order.ts).
 */
function follow(
  p: Proc,
  o: CurlOptions,
  f: CurlFlavour,
  first: string,
): Transfer & { pieces: Transcript } {
  let url = first
  const pieces: Transcript = []
  const headers = o.include || o.head
  const joined = (stream: 'stdout' | 'stderr') =>
    pieces
      .filter((x) => x.stream === stream)
      .map((x) => x.text)
      .join('')
  for (let n = 0; ; n++) {
    const t = transfer(p, o, f, url, n > 0)
    const location = t.info.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if (!o.location || t.error || !REDIRECTS.includes(t.info.httpCode) || location === undefined) {
      // curl's FOLLOW_FAKE: a 3xx with Location it does not follow still fills %{redirect_url}
      const fake = !o.location && !t.error && t.info.httpCode >= 300 && t.info.httpCode < 400
      if (fake && location !== undefined)
        t.info.redirectUrl = withPath(resolveLocation(t.info.url, location))
      pieces.push(...hopPieces(t, headers, true))
      return {
        ...t,
        stdout: joined('stdout'),
        stderr: joined('stderr'),
        info: { ...t.info, redirects: n },
        pieces,
      }
    }
    const next = resolveLocation(t.info.url, location)
    if (n >= 50) {
      pieces.push(...hopPieces(t, headers, false))
      return {
        ...t,
        stdout: joined('stdout'),
        stderr: joined('stderr'),
        error: { code: 47, message: 'Maximum (50) redirects followed' },
        pieces,
      }
    }
    pieces.push(...hopPieces(t, headers, false))
    if (o.verbose)
      pieces.push({ stream: 'stderr', text: `* Issue another request to this URL: '${next}'\n` })
    url = next
  }
}

/** curl's URL parser writes an absolute URL without a path with `/`. */
function withPath(url: string): string {
  return /^[a-z]+:\/\/[^/?#]+$/i.test(url) ? `${url}/` : url
}

function resolveLocation(base: string, location: string): string {
  if (/^https?:\/\//i.test(location)) return location
  const origin = /^[a-z]+:\/\/[^/]+/i.exec(base)?.[0] ?? base
  if (location.startsWith('/')) return origin + location
  return base.replace(/[^/]*$/, '') + location
}

function transfer(
  p: Proc,
  o: CurlOptions,
  f: CurlFlavour,
  rawUrl: string,
  followed: boolean,
): Transfer {
  const method = methodOf(o)
  const u = parseCurlUrl(rawUrl, !o.pathAsIs)
  if (!u.ok)
    return {
      stdout: '',
      stderr: '',
      error: { code: u.code, message: u.message },
      info: emptyInfo(rawUrl, method),
    }
  const url = `${u.scheme}://${u.host}${u.defaultPort ? '' : `:${u.port}`}${u.path}`
  const headers = requestHeaders(o, f, u.defaultPort ? u.host : `${u.host}:${u.port}`)
  const target = connectTarget(o, u.host, u.port, f.version)
  const req: HttpRequest = {
    host: target.host,
    port: target.port,
    method,
    path: u.path,
    headers: Object.fromEntries(headers),
    body: o.data,
    scheme: u.scheme,
  }
  const r = sendHttp(p, req)
  const info: TransferInfo = {
    ...emptyInfo(url, method),
    scheme: u.scheme,
    remotePort: target.port,
  }
  // curl shows its meter unless silenced or writing the body to a terminal (tool_operate.c)
  const meter =
    !o.silent && !o.noProgress && !(p.tty.out && o.output === undefined && !o.remoteName)
  const out = new Output(o, meter)
  // --resolve entries load once per URL given, not again for a redirect -L follows
  const loaded = (l: string) => l.startsWith('Added ') || l.startsWith('RESOLVE ')
  if (o.verbose) out.info(...target.verbose.filter((l) => !followed || !loaded(l)))
  if (o.verbose && f.showsResolve && r.ip && r.fqdn && !/^\d+\.\d+\.\d+\.\d+$/.test(target.host)) {
    out.info(
      `Host ${target.host}:${target.port} was resolved.`,
      'IPv6: (none)',
      `IPv4: ${(r.addresses ?? [r.ip]).join(', ')}`,
    )
  }
  if (r.outcome === 'nxdomain') return out.fail(6, `Could not resolve host: ${u.host}`, info)
  info.remoteIP = r.ip ?? ''
  info.localIP = r.clientIP ?? p.host.address
  info.localPort = 32768 + randomInt(p.ctx.s, 28000)
  if (o.verbose) out.info(f.trying(r.ip ?? '', target.port))
  if (r.outcome !== 'answered') return failConnect(p, o, f, r, u.host, target.port, out, info)
  info.timeMs = (r.timeMs ?? 1) + 0.2
  if (o.verbose) out.info(f.connected(u.host, r.ip ?? '', target.port))
  if (r.tls === 'plain-server')
    return out.fail(35, `${f.openssl}: error:0A00010B:SSL routines::wrong version number`, info)
  if (r.tls === 'self-signed' && !o.insecure)
    return out.fail(60, 'SSL certificate problem: self-signed certificate' + CERT_HELP, info)
  if (r.tls === 'ok' && !o.insecure)
    return out.fail(
      60,
      'SSL certificate problem: unable to get local issuer certificate' + CERT_HELP,
      info,
    )
  if (o.verbose) out.request(method, u.path, headers, f.saysSent)
  if (!r.response) return out.fail(52, 'Empty reply from server', info)
  return out.answer(r.response, u.host, info, p)
}

const CERT_HELP =
  '\nMore details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.'

function failConnect(
  p: Proc,
  o: CurlOptions,
  f: CurlFlavour,
  r: RouteResult,
  host: string,
  port: number,
  out: Output,
  info: TransferInfo,
): Transfer {
  if (r.outcome === 'refused' || r.outcome === 'unreachable') {
    const ms = Math.max(0, Math.round(r.timeMs ?? 1))
    info.timeMs = ms
    const errno = r.outcome === 'refused' ? 'Connection refused' : 'No route to host'
    if (o.verbose) out.info(f.connectFailed(r.ip ?? '', port, info.localIP, info.localPort, errno))
    return out.fail(7, f.failedToConnect(host, port, ms, 'refused'), info, o.verbose)
  }
  const max = o.maxTime
  const ct = o.connectTimeout
  if (max !== undefined && max > 0 && (ct === undefined || max <= ct)) {
    info.timeMs = Math.round(max * 1000) + 1
    return out.fail(28, `Connection timed out after ${info.timeMs} milliseconds`, info)
  }
  if (ct !== undefined && ct > 0) {
    info.timeMs = Math.round(ct * 1000) + 2
    return out.fail(28, f.failedToConnect(host, port, info.timeMs, 'timeout'), info, o.verbose)
  }
  info.timeMs = 129000 + randomInt(p.ctx.s, 5000)
  if (o.verbose)
    out.info(
      f.connectFailed(r.ip ?? '', port, info.localIP, info.localPort, 'Connection timed out'),
    )
  return out.fail(28, f.failedToConnect(host, port, info.timeMs, 'kernel-timeout'), info, o.verbose)
}
