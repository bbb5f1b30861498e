// curl's command line (src/tool_getparam.c): short options cluster (`-sSL`), a short option that
// takes a value takes the rest of its word or the next word (`-o/dev/null`, `-w '%{http_code}'`).

import { own } from '../../own'

export interface CurlOptions {
  urls: string[]
  silent: boolean
  showError: boolean
  verbose: boolean
  include: boolean
  head: boolean
  output?: string
  remoteName: boolean
  writeOut?: string
  maxTime?: number
  connectTimeout?: number
  headers: string[]
  /** --resolve HOST:PORT:ADDRESS: the address to connect to for that host and port */
  resolve: string[]
  /** --connect-to HOST1:PORT1:HOST2:PORT2: where to connect instead */
  connectTo: string[]
  method?: string
  data?: string
  location: boolean
  insecure: boolean
  fail: boolean
  failWithBody: boolean
  noProgress: boolean
  userAgent?: string
  user?: string
  help: boolean
  version: boolean
  /** --path-as-is: send `/./` and `/../` as typed */
  pathAsIs?: boolean
}

type Setter = (o: CurlOptions, v: string) => void
type Flag = (o: CurlOptions) => void

const FLAGS: Record<string, Flag> = {
  s: (o) => (o.silent = true),
  silent: (o) => (o.silent = true),
  S: (o) => (o.showError = true),
  'show-error': (o) => (o.showError = true),
  v: (o) => (o.verbose = true),
  verbose: (o) => (o.verbose = true),
  i: (o) => (o.include = true),
  include: (o) => (o.include = true),
  'show-headers': (o) => (o.include = true),
  I: (o) => (o.head = true),
  head: (o) => (o.head = true),
  O: (o) => (o.remoteName = true),
  'remote-name': (o) => (o.remoteName = true),
  L: (o) => (o.location = true),
  location: (o) => (o.location = true),
  k: (o) => (o.insecure = true),
  insecure: (o) => (o.insecure = true),
  f: (o) => (o.fail = true),
  fail: (o) => (o.fail = true),
  'fail-with-body': (o) => (o.failWithBody = true),
  'no-progress-meter': (o) => (o.noProgress = true),
  h: (o) => (o.help = true),
  help: (o) => (o.help = true),
  V: (o) => (o.version = true),
  version: (o) => (o.version = true),
  'path-as-is': (o) => (o.pathAsIs = true),
}
// accepted and without effect here (protocol choices, retries, compression, keepalive, ...)
for (const k of [
  '4',
  '6',
  'N',
  'q',
  'g',
  'ipv4',
  'ipv6',
  'http1.1',
  'http1.0',
  'http2',
  'compressed',
  'no-buffer',
  'globoff',
  'no-keepalive',
  'tcp-nodelay',
  'retry-connrefused',
  'fail-early',
  'raw',
  'disable',
]) {
  FLAGS[k] = () => undefined
}

const number = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN)

const VALUES: Record<string, Setter> = {
  o: (o, v) => (o.output = v),
  output: (o, v) => (o.output = v),
  w: (o, v) => (o.writeOut = v),
  'write-out': (o, v) => (o.writeOut = v),
  m: (o, v) => (o.maxTime = number(v)),
  'max-time': (o, v) => (o.maxTime = number(v)),
  'connect-timeout': (o, v) => (o.connectTimeout = number(v)),
  H: (o, v) => o.headers.push(v),
  header: (o, v) => o.headers.push(v),
  X: (o, v) => (o.method = v),
  request: (o, v) => (o.method = v),
  d: (o, v) => (o.data = o.data === undefined ? v : `${o.data}&${v}`),
  A: (o, v) => (o.userAgent = v),
  'user-agent': (o, v) => (o.userAgent = v),
  u: (o, v) => (o.user = v),
  user: (o, v) => (o.user = v),
  url: (o, v) => o.urls.push(v),
  resolve: (o, v) => o.resolve.push(v),
  'connect-to': (o, v) => o.connectTo.push(v),
}
for (const k of ['data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json'])
  VALUES[k] = VALUES.d as Setter
for (const k of [
  'e',
  'referer',
  'retry',
  'retry-delay',
  'retry-max-time',
  'cacert',
  'cert',
  'key',
  'x',
  'proxy',
  'interface',
  'local-port',
  'limit-rate',
  'max-redirs',
  'b',
  'cookie',
  'c',
  'cookie-jar',
  'r',
  'range',
  'T',
  'upload-file',
  'F',
  'form',
]) {
  VALUES[k] = () => undefined
}

export type ParsedArgs = { ok: true; opts: CurlOptions } | { ok: false; error: string }

/** Parses curl's options; errors are worded as curl's `option X: is unknown` etc. */
export function parseCurlArgs(args: string[]): ParsedArgs {
  const o: CurlOptions = {
    urls: [],
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    remoteName: false,
    headers: [],
    resolve: [],
    connectTo: [],
    location: false,
    insecure: false,
    fail: false,
    failWithBody: false,
    noProgress: false,
    help: false,
    version: false,
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2)
      const flag = own(FLAGS, name) ?? (name.startsWith('no-') ? () => undefined : undefined)
      if (flag && !own(VALUES, name)) {
        flag(o)
        continue
      }
      const set = own(VALUES, name)
      if (!set) return { ok: false, error: `option ${a}: is unknown` }
      const v = args[++i]
      if (v === undefined) return { ok: false, error: `option ${a}: requires parameter` }
      set(o, v)
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string
      const flag = own(FLAGS, c)
      if (flag) {
        flag(o)
        continue
      }
      const set = own(VALUES, c)
      if (!set) return { ok: false, error: `option -${a.slice(j)}: is unknown` }
      const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
      if (v === undefined) return { ok: false, error: `option -${c}: requires parameter` }
      set(o, v)
      break
    }
  }
  if (o.maxTime !== undefined && Number.isNaN(o.maxTime))
    return { ok: false, error: 'option -m: expected a proper numerical parameter' }
  if (o.connectTimeout !== undefined && Number.isNaN(o.connectTimeout))
    return { ok: false, error: 'option --connect-timeout: expected a proper numerical parameter' }
  return { ok: true, opts: o }
}
