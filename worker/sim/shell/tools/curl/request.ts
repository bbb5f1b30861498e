// What curl sends (index.ts): the method, the request headers in curl's order (-H adding,
// replacing or removing one, -u as Basic auth, -d's Content-Length and type), and the -w
// variables a transfer starts from.

import type { CurlOptions } from './args'
import type { CurlFlavour } from './flavour'
import type { TransferInfo } from './write-out'
import { utf8Length } from '../../../utf8'

/** A transfer's -w variables before anything happened. */
export function emptyInfo(url: string, method: string): TransferInfo {
  return {
    httpCode: 0,
    exitCode: 0,
    errorMessage: '',
    remoteIP: '',
    remotePort: 0,
    localIP: '',
    localPort: 0,
    timeMs: 0,
    sizeDownload: 0,
    sizeHeader: 0,
    url,
    contentType: '',
    method,
    scheme: 'http',
    redirects: 0,
    headers: [],
  }
}

/** The method curl sends: -X, else HEAD for -I, POST with -d, else GET. */
export function methodOf(o: CurlOptions): string {
  return o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')
}

/** Request headers in the order curl sends them; `-H 'Name:'` removes one, `-H 'Name: v'` replaces it. */
export function requestHeaders(
  o: CurlOptions,
  f: CurlFlavour,
  hostHeader: string,
): [string, string][] {
  const list: [string, string][] = [['Host', hostHeader]]
  if (o.user !== undefined)
    list.push(['Authorization', `Basic ${btoaText(o.user.includes(':') ? o.user : `${o.user}:`)}`])
  list.push(['User-Agent', o.userAgent ?? `curl/${f.version}`], ['Accept', '*/*'])
  for (const h of o.headers) {
    const i = h.indexOf(':')
    if (i <= 0) continue
    const name = h.slice(0, i).trim()
    const value = h.slice(i + 1).trim()
    const at = list.findIndex(([k]) => k.toLowerCase() === name.toLowerCase())
    if (value === '' && at >= 0) list.splice(at, 1)
    else if (at >= 0) list[at] = [list[at]?.[0] ?? name, value]
    else if (value !== '') list.push([name, value])
  }
  if (o.data !== undefined) {
    list.push(['Content-Length', String(utf8Length(o.data))])
    if (!list.some(([k]) => k.toLowerCase() === 'content-type'))
      list.push(['Content-Type', 'application/x-www-form-urlencoded'])
  }
  return list
}

function btoaText(s: string): string {
  const bytes = new TextEncoder().encode(s)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}
