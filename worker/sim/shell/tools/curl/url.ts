// How curl splits what was typed into scheme, host, port and path (lib/urlapi.c), with its
// errors for what it cannot use. A URL without a scheme is http (curl's guess for plain names).

export type CurlUrl =
  | {
      ok: true
      scheme: 'http' | 'https'
      host: string
      port: number
      path: string
      defaultPort: boolean
    }
  | { ok: false; code: number; message: string }

/**
 * RFC 3986 remove_dot_segments on the path before any query, as curl's URL parser does unless
 * --path-as-is (urlapi.c dedotdotify): `/../etc/passwd` is sent as `/etc/passwd`.
 */
export function removeDotSegments(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?')
  let input = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q)
  const query = q < 0 ? '' : pathAndQuery.slice(q)
  if (!/(^|\/)\.\.?(\/|$)/.test(input)) return pathAndQuery
  let out = ''
  while (input) {
    if (input.startsWith('../')) input = input.slice(3)
    else if (input.startsWith('./')) input = input.slice(2)
    else if (input.startsWith('/./')) input = input.slice(2)
    else if (input === '/.') input = '/'
    else if (input.startsWith('/../') || input === '/..') {
      input = `/${input.slice(input === '/..' ? 3 : 4)}`
      out = out.slice(0, Math.max(0, out.lastIndexOf('/')))
    } else if (input === '.' || input === '..') input = ''
    else {
      const next = input.indexOf('/', 1)
      out += next < 0 ? input : input.slice(0, next)
      input = next < 0 ? '' : input.slice(next)
    }
  }
  return (out || '/') + query
}

/**
 * Scheme, host, port and path of a URL as typed to curl, or curl's error code and message;
 * `dedot`: remove `.` and `..` segments as curl does.
 */
export function parseCurlUrl(raw: string, dedot = false): CurlUrl {
  let rest = raw.trim()
  let scheme = 'http'
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest)
  if (m) {
    scheme = (m[1] as string).toLowerCase()
    rest = rest.slice(m[0].length)
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, code: 1, message: `Protocol "${scheme}" not supported` }
  }
  const cut = rest.search(/[/?#]/)
  const authority = cut < 0 ? rest : rest.slice(0, cut)
  let path = cut < 0 ? '/' : rest.slice(cut)
  if (path.startsWith('?')) path = '/' + path
  path = path.replace(/#.*$/, '') || '/'
  if (dedot) path = removeDotSegments(path)
  const hostPort = authority.replace(/^.*@/, '')
  const pm = /^(.*?)(?::([^:]*))?$/.exec(hostPort)
  const host = pm?.[1] ?? ''
  const portText = pm?.[2]
  if (host === '') return { ok: false, code: 3, message: 'URL rejected: No host part in the URL' }
  if (/[^A-Za-z0-9._~!$&'()*+,;=%-]/.test(host))
    return { ok: false, code: 3, message: 'URL rejected: Bad hostname' }
  const defaultPort = scheme === 'https' ? 443 : 80
  if (portText === undefined || portText === '')
    return { ok: true, scheme, host, port: defaultPort, path, defaultPort: true }
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
    return {
      ok: false,
      code: 3,
      message: 'URL rejected: Port number was not a decimal number between 0 and 65535',
    }
  }
  const port = Number(portText)
  return { ok: true, scheme, host, port, path, defaultPort: port === defaultPort }
}
