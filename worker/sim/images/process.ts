// What a container's main process (PID 1) does: serve, sleep, or exit. Derived from the image's
// ENTRYPOINT/CMD and the pod's command/args with the Kubernetes override rules
// (command replaces ENTRYPOINT and drops CMD; args alone replace CMD).

import { deepFreeze } from '../deep-freeze'
import { checkingDocuments } from '../document-changed'
import type { Container } from '../objects/types'
import type { ImageInfo } from './catalog'

export interface ListenPort {
  port: number
  protocol: 'TCP' | 'UDP'
}

export type MainProcess =
  /** a server; servers handle SIGTERM and stop within a second */
  | { type: 'server'; argv: string[]; ports: ListenPort[]; startLog: string[] }
  /** runs until `seconds` have passed (Infinity: forever); PID 1 without a handler ignores SIGTERM */
  | { type: 'run'; argv: string[]; seconds: number; handlesSigterm: boolean; output: string[] }
  /** ends at once with an exit code and some output */
  | { type: 'exit'; argv: string[]; exitCode: number; output: string[] }
  /** the binary does not exist in the image: the runtime cannot start the container */
  | { type: 'notFound'; argv: string[]; binary: string }

/** The argv the runtime starts: Kubernetes' command/args override rules over the image config. */
export function effectiveArgv(image: ImageInfo, container: Container): string[] {
  if (container.command && container.command.length > 0)
    return [...container.command, ...(container.args ?? [])]
  if (container.args && container.args.length > 0) return [...image.entrypoint, ...container.args]
  return [...image.entrypoint, ...image.cmd]
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash'])

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}

/**
 * resolveProcess's answers per image, by argv and stdin: it is a pure function of them, asked for
 * every pod a request reaches and every pod deleted (does PID 1 handle SIGTERM?). Callers only
 * read an answer (frozen in check mode). A learner's commands vary: cleared whole when full.
 */
const RESOLVED = new WeakMap<ImageInfo, Map<string, MainProcess>>()
const RESOLVED_MAX = 256

/** Resolves what PID 1 of the container does. `interactive` is stdin+tty (kubectl run -it). */
export function resolveProcess(image: ImageInfo, container: Container): MainProcess {
  const argv = effectiveArgv(image, container)
  const interactive = container.stdin === true
  let kept = RESOLVED.get(image)
  if (!kept) RESOLVED.set(image, (kept = new Map()))
  const key = (interactive ? 'i' : '-') + JSON.stringify(argv)
  const hit = kept.get(key)
  if (hit) return hit
  const p = classify(image, argv, interactive)
  if (kept.size >= RESOLVED_MAX) kept.clear()
  kept.set(key, checkingDocuments() ? deepFreeze(p) : p)
  return p
}

function classify(image: ImageInfo, argv: string[], interactive: boolean): MainProcess {
  const [cmd0 = '', ...rest] = argv
  if (cmd0 === '/docker-entrypoint.sh' || cmd0 === '/entrypoint.sh') {
    if (rest.length === 0) return { type: 'exit', argv, exitCode: 0, output: [] }
    // curlimages/curl's entrypoint.sh runs `curl "$@"` when $1 is an option or no command
    const toCurl = cmd0 === '/entrypoint.sh' && 'curl' in image.tools
    const first = rest[0] as string
    if (toCurl && (first.startsWith('-') || !hasBinary(image, first)))
      return classify(image, ['curl', ...rest], interactive)
    return classify(image, rest, interactive)
  }
  const name = baseName(cmd0)
  if (!hasBinary(image, cmd0)) return { type: 'notFound', argv, binary: cmd0 }
  const server = serverProcess(image, name, argv)
  if (server) return server
  if (SHELLS.has(name)) return shellProcess(image, argv, rest, interactive)
  return simpleCommand(argv, name, rest)
}

function hasBinary(image: ImageInfo, cmd: string): boolean {
  if (cmd === '') return false
  if (cmd in image.tools) return true
  const name = baseName(cmd)
  if (!cmd.startsWith('/')) return name in image.tools
  return /^\/(usr\/)?(local\/)?s?bin\//.test(cmd) && name in image.tools
}

function simpleCommand(argv: string[], name: string, rest: string[]): MainProcess {
  if (name === 'sleep') {
    const arg = rest[0] ?? ''
    if (arg === 'infinity' || arg === 'inf')
      return { type: 'run', argv, seconds: Infinity, handlesSigterm: false, output: [] }
    const n = parseDuration(arg)
    if (n === undefined)
      return { type: 'exit', argv, exitCode: 1, output: [`sleep: invalid time interval '${arg}'`] }
    return { type: 'run', argv, seconds: n, handlesSigterm: false, output: [] }
  }
  if (name === 'tail' && rest.includes('-f'))
    return { type: 'run', argv, seconds: Infinity, handlesSigterm: false, output: [] }
  if (name === 'echo')
    return { type: 'exit', argv, exitCode: 0, output: [rest.filter((a) => a !== '-n').join(' ')] }
  if (name === 'false') return { type: 'exit', argv, exitCode: 1, output: [] }
  if (name === 'curl' && rest.length === 0) {
    return {
      type: 'exit',
      argv,
      exitCode: 2,
      output: ["curl: try 'curl --help' or 'curl --manual' for more information"],
    }
  }
  return { type: 'exit', argv, exitCode: 0, output: [] }
}

function parseDuration(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg)
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Number(m[1]) * unit
}

/** `sh -c "<script>"`: dash/ash exec the last simple command, so `sh -c 'sleep 3600'` is a sleep as PID 1. */
function shellProcess(
  image: ImageInfo,
  argv: string[],
  rest: string[],
  interactive: boolean,
): MainProcess {
  const ci = rest.indexOf('-c')
  if (ci < 0) {
    if (interactive)
      return { type: 'run', argv, seconds: Infinity, handlesSigterm: false, output: [] }
    return { type: 'exit', argv, exitCode: 0, output: [] }
  }
  const script = (rest[ci + 1] ?? '').trim()
  if (
    /\bwhile\s+(true|:)\b/.test(script) ||
    /\bsleep\s+(infinity|inf)\b/.test(script) ||
    /tail\s+-f/.test(script)
  ) {
    return { type: 'run', argv, seconds: Infinity, handlesSigterm: false, output: [] }
  }
  const parts = script.split(/\s*(?:;|&&)\s*/).filter((p) => p !== '')
  const output: string[] = []
  for (const part of parts.slice(0, -1)) {
    const m = /^echo\s+(.*)$/.exec(part)
    if (m) output.push(unquote(m[1] as string))
  }
  const last = (parts[parts.length - 1] ?? '').replace(/^exec\s+/, '')
  // the shell's own `exit [N]` (a builtin, not a binary): the script ends with N, else with the
  // status of the command before it (echo's 0 here)
  const exit = /^exit(?:\s+(\d+))?$/.exec(last)
  if (exit) return { type: 'exit', argv, exitCode: Number(exit[1] ?? 0) % 256, output }
  const words = last
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(unquote)
  if (words.length === 0) return { type: 'exit', argv, exitCode: 0, output }
  const inner = classify(image, words, false)
  if (inner.type === 'notFound')
    return {
      type: 'exit',
      argv,
      exitCode: 127,
      output: [...output, notFoundMessage(image, baseName(argv[0] ?? 'sh'), inner.binary)],
    }
  if (inner.type === 'exit' || inner.type === 'run')
    return { ...inner, argv, output: [...output, ...inner.output] }
  return inner
}

/** The shell's own "command not found" line: dash, bash and busybox ash word it differently. */
function notFoundMessage(image: ImageInfo, sh: string, binary: string): string {
  const flavour = image.tools[sh] ?? ''
  if (sh === 'bash') return `bash: line 1: ${binary}: command not found`
  if (flavour.startsWith('busybox')) return `${sh}: ${binary}: not found`
  return `${sh}: 1: ${binary}: not found`
}

function unquote(s: string): string {
  return s.replace(/^(['"])(.*)\1$/, '$2')
}

function serverProcess(image: ImageInfo, name: string, argv: string[]): MainProcess | undefined {
  const server = image.server
  if (!server) return undefined
  const tcp = (port: number): ListenPort => ({ port, protocol: 'TCP' })
  if ((server === 'nginx' || server === 'magicalnginx') && name === 'nginx')
    return { type: 'server', argv, ports: [tcp(80)], startLog: nginxStartLog(image) }
  if (server === 'httpd' && name === 'httpd-foreground')
    return { type: 'server', argv, ports: [tcp(80)], startLog: [] }
  if (server === 'echoserver' && name === 'run.sh')
    return { type: 'server', argv, ports: [tcp(8080), tcp(8443)], startLog: [] }
  if (server === 'coredns' && name === 'coredns') {
    const log = [
      '.:53',
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
      `CoreDNS-${image.serverVersion ?? '1.11.3'}`,
      'linux/amd64, go1.21.11, a6338e9',
    ]
    return {
      type: 'server',
      argv,
      ports: [{ port: 53, protocol: 'UDP' }, tcp(53), tcp(9153), tcp(8080), tcp(8181)],
      startLog: log,
    }
  }
  if (server === 'ingress-nginx' && name === 'dumb-init') {
    // nginx on 80/443, the admission webhook on 8443, /healthz on 10254, the default server 8181
    const ports = [80, 443, 8443, 10254, 8181].map(tcp)
    return { type: 'server', argv, ports, startLog: ingressNginxBanner(image) }
  }
  if (server === 'http-echo' && name === 'http-echo') return httpEchoProcess(argv)
  if (server === 'agnhost' && name === 'agnhost') return agnhostProcess(argv)
  return undefined
}

function flagValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    for (const n of names) {
      if (a === n) return argv[i + 1] ?? ''
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1)
    }
  }
  return undefined
}

function httpEchoProcess(argv: string[]): MainProcess {
  const text = flagValue(argv, ['-text', '--text'])
  if (text === undefined)
    return { type: 'exit', argv, exitCode: 127, output: ['Missing -text option!'] }
  const listen = flagValue(argv, ['-listen', '--listen']) ?? ':5678'
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1)) || 5678
  return {
    type: 'server',
    argv,
    ports: [{ port, protocol: 'TCP' }],
    startLog: [`[INFO] server is listening on :${port}`],
  }
}

function agnhostProcess(argv: string[]): MainProcess {
  const sub = argv[1]
  if (sub === 'netexec') {
    const http = Number(flagValue(argv, ['--http-port']) ?? 8080)
    const udp = Number(flagValue(argv, ['--udp-port']) ?? 8081)
    const ports: ListenPort[] = [{ port: http, protocol: 'TCP' }]
    if (udp > 0) ports.push({ port: udp, protocol: 'UDP' })
    const log = [`Started HTTP server on port ${http}`]
    if (udp > 0) log.push(`Started UDP server on port  ${udp}`)
    return { type: 'server', argv, ports, startLog: log }
  }
  if (sub === 'serve-hostname') {
    const port = Number(flagValue(argv, ['--port']) ?? 9376)
    return {
      type: 'server',
      argv,
      ports: [{ port, protocol: 'TCP' }],
      startLog: [`Serving on port ${port}.`],
    }
  }
  if (sub === 'pause')
    return { type: 'run', argv, seconds: Infinity, handlesSigterm: true, output: ['Paused'] }
  return {
    type: 'exit',
    argv,
    exitCode: 0,
    output: ['agnhost is a test image used by the Kubernetes e2e tests.'],
  }
}

function nginxStartLog(image: ImageInfo): string[] {
  if (image.server === 'magicalnginx') return []
  const minor = Number((image.serverVersion ?? '1.27.3').split('.')[1])
  const ep = '/docker-entrypoint.sh:'
  const ipv6 = '10-listen-on-ipv6-by-default.sh: info:'
  return [
    `${ep} /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${ep} Looking for shell scripts in /docker-entrypoint.d/`,
    `${ep} Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    `${ipv6} Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `${ipv6} Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
    ...(minor >= 25 ? [`${ep} Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`] : []),
    `${ep} Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    ...(minor >= 21 ? [`${ep} Launching /docker-entrypoint.d/30-tune-worker-processes.sh`] : []),
    `${ep} Configuration complete; ready for start up`,
  ]
}

/** The banner /nginx-ingress-controller prints first (its --version text; v1.12.1's build). */
export function ingressNginxBanner(image: Pick<ImageInfo, 'tag' | 'serverVersion'>): string[] {
  const rule = '-'.repeat(79)
  return [
    rule,
    'NGINX Ingress controller',
    `  Release:       ${image.tag}`,
    '  Build:         51c2b819690bbf1709b844dbf321a9acf6eda5a7',
    '  Repository:    https://github.com/kubernetes/ingress-nginx',
    `  nginx version: nginx/${image.serverVersion ?? '1.25.5'}`,
    '',
    rule,
    '',
  ]
}
