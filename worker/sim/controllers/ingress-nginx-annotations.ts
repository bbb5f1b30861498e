// How ingress-nginx reads the redirect annotations and app-root (NX controller-v1.12.1
// annotations/redirect/redirect.go Parse and isValidURL, annotations/rewrite/main.go, parser/
// validators.go checkAnnotation, parser/main.go). Annotation validation is on by default: a value
// with a character its validator refuses is a ValidationError, which makes the whole Ingress
// invalid (annotations.go Extract): the admission webhook denies it. Other faults only drop the
// annotation group: an invalid temporal-redirect URL (not http/https) leaves no redirect at all,
// silently (the error is logged at -v=5 only).
// Left out: from-to-www-redirect's own redirect (only its value is checked here).

import { parseGoBool } from '../go-bool'

const P = 'nginx.ingress.kubernetes.io/'

/** parser.URLIsValidRegex: alphanumerics and `-._~/:,?&=` only (no space, `%`, `#`, `@`). */
const URL_CHARS = /^[-._~a-zA-Z0-9/:,?&=]*$/

/** parser.RegexPathWithCapture, app-root's validator. */
const PATH_CHARS = /^\/?[-._~a-zA-Z0-9/:$]*$/

/** Go's strconv.Atoi on a 64-bit int: an optional sign and decimal digits, in range. */
export function goAtoi(v: string): number | undefined {
  if (!/^[+-]?\d+$/.test(v)) return undefined
  const n = BigInt(v)
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined
  return Number(n)
}

/**
 * redirect.go isValidURL: Go's url.Parse must accept it and its (lower-cased) scheme must start
 * with `http`. No host is needed (`http:foo` passes); `/path` and `ftp://x` do not.
 */
export function isValidTemporalURL(u: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(u)
  if (!scheme || !(scheme[1] as string).toLowerCase().startsWith('http')) return false
  // url.Parse refuses a port that is not digits: `http://host:abc/`
  const rest = (u.slice(scheme[0].length).split('?')[0] as string) || ''
  if (!rest.startsWith('//')) return true
  const host = rest.slice(2).split('/')[0] as string
  const colon = host.lastIndexOf(':')
  return colon < 0 || /^\d*$/.test(host.slice(colon + 1))
}

export interface AnnotatedRedirect {
  status: number
  url: string
  annotation: 'temporal-redirect' | 'permanent-redirect'
}

export type RedirectAnnotations =
  /** a ValidationError: the full annotation name (`annotation <name> contains invalid value`) */
  { invalid: string } | { invalid?: undefined; redirect?: AnnotatedRedirect }

/**
 * redirect.go Parse, in its order: from-to-www-redirect, temporal-redirect (and its code, then the
 * URL check), else permanent-redirect and permanent-redirect-code. Codes outside 300-307
 * (temporal) or 300-308 (permanent) become 302 / 301.
 */
export function parseRedirectAnnotations(anns: Record<string, string>): RedirectAnnotations {
  // checkAnnotation runs the validator on non-empty values only
  const bad = (name: string, ok: (v: string) => boolean) => {
    const v = anns[P + name]
    return v !== undefined && v !== '' && !ok(v) ? { invalid: P + name } : undefined
  }
  const isInt = (v: string) => goAtoi(v) !== undefined
  const www = bad('from-to-www-redirect', (v) => parseGoBool(v) !== undefined)
  if (www) return www
  const temporal = anns[`${P}temporal-redirect`]
  const tBad = bad('temporal-redirect', (v) => URL_CHARS.test(v))
  if (tBad) return tBad
  // an empty value is "invalid content": the group is dropped, nothing more is read
  if (temporal === '') return {}
  if (temporal !== undefined) {
    const cBad = bad('temporal-redirect-code', isInt)
    if (cBad) return cBad
    const code = goAtoi(anns[`${P}temporal-redirect-code`] ?? '') ?? 0
    if (!isValidTemporalURL(temporal)) return {}
    const status = code >= 300 && code <= 307 ? code : 302
    return { redirect: { status, url: temporal, annotation: 'temporal-redirect' } }
  }
  const permanent = anns[`${P}permanent-redirect`]
  const pBad = bad('permanent-redirect', (v) => URL_CHARS.test(v))
  if (pBad) return pBad
  if (permanent === '') return {}
  const cBad = bad('permanent-redirect-code', isInt)
  if (cBad) return cBad
  if (permanent === undefined) return {}
  const code = goAtoi(anns[`${P}permanent-redirect-code`] ?? '') ?? 0
  // no URL check for permanent-redirect: `/new` and `example.com` are returned as written
  const status = code >= 300 && code <= 308 ? code : 301
  return { redirect: { status, url: permanent, annotation: 'permanent-redirect' } }
}

/**
 * rewrite/main.go: app-root must pass RegexPathWithCapture and url.ParseRequestURI and not be
 * absolute, i.e. a path starting with `/` (no query: `?` is refused). Otherwise it is ignored.
 */
export function parseAppRoot(anns: Record<string, string>): string | undefined {
  const root = anns[`${P}app-root`]
  return root && PATH_CHARS.test(root) && root.startsWith('/') ? root : undefined
}

/**
 * The warnings the controller logs when it reads an app-root it ignores (rewrite/main.go
 * :186/:194/:200, validators.go :243), as klog bodies; none for a valid or empty one.
 */
export function appRootWarnings(ns: string, name: string, anns: Record<string, string>): string[] {
  const v = anns[`${P}app-root`]
  if (!v) return []
  const invalid = 'Annotation app-root contains an invalid value'
  if (!PATH_CHARS.test(v))
    return [
      `validators.go:243] validation error on ingress ${ns}/${name}: annotation app-root contains invalid value ${v}`,
      `main.go:186] ${invalid}: annotation ${P}app-root contains invalid value`,
    ]
  // url.ParseRequestURI, then u.IsAbs()
  const parse = (why: string) => [`main.go:194] ${invalid}: parse ${JSON.stringify(v)}: ${why}`]
  if (v.startsWith(':')) return parse('missing protocol scheme')
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(v)
  if (scheme) {
    const rest = v.slice(scheme[0].length)
    const host = rest.startsWith('//') ? (rest.slice(2).split('/')[0] as string) : ''
    const port = host.includes(':') ? host.slice(host.lastIndexOf(':')) : ''
    if (!/^(:\d*)?$/.test(port)) return parse(`invalid port ${JSON.stringify(port)} after host`)
    return [`main.go:200] Annotation app-root only allows absolute paths (${v})`]
  }
  return v.startsWith('/') ? [] : parse('invalid URI for request')
}
