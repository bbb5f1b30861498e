// wget: busybox 1.36 (networking/wget.c, libbb/progress.c) in busybox/Alpine images, GNU wget
// 1.21 on the workstation and after `apt-get install wget`. Options: -q, -O FILE|-, -T SEC, -S,
// --spider. A black-holed connection answers at once with what wget prints after the kernel
// gives up (busybox) or after its 20 tries (GNU, abridged to the first and last).

import type { HttpResponse, RouteResult } from '../../net/types'
import type { Tool } from '../host'
import { gnuWget } from './wget-gnu'
import { busyboxWget } from './wget-busybox'

export interface WgetOptions {
  quiet: boolean
  output?: string
  timeout?: number
  serverResponse: boolean
  spider: boolean
  url?: string
  bad?: string
  /** --header 'Name: value', in order */
  headers: string[]
  userAgent?: string
}

/** Long options that take a value (busybox's list and the GNU ones tutorials use). */
const LONG_WITH_VALUE = new Set([
  'output-document',
  'directory-prefix',
  'proxy',
  'user-agent',
  'timeout',
  'tries',
  'header',
  'post-data',
  'post-file',
  'output-file',
  'wait',
  'connect-timeout',
  'read-timeout',
  'dns-timeout',
  'method',
  'body-data',
  'user',
  'password',
])

function setLong(o: WgetOptions, name: string, v: string): void {
  if (name === 'output-document') o.output = v
  else if (name === 'timeout') o.timeout = Number(v)
  else if (name === 'header') o.headers.push(v)
  else if (name === 'user-agent') o.userAgent = v
}

/** The options busybox and GNU wget share here: -q, -O, -T, -S, -U, --spider, --header. */
export function parseWgetArgs(args: string[]): WgetOptions {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, headers: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--spider') o.spider = true
    else if (a === '--quiet') o.quiet = true
    else if (a === '--server-response') o.serverResponse = true
    else if (a.startsWith('--') && a.includes('=')) {
      const eq = a.indexOf('=')
      setLong(o, a.slice(2, eq), a.slice(eq + 1))
    } else if (a.startsWith('--')) {
      if (LONG_WITH_VALUE.has(a.slice(2))) setLong(o, a.slice(2), args[++i] ?? '')
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string
        if (c === 'q') o.quiet = true
        else if (c === 'S') o.serverResponse = true
        else if ('OTPYUt'.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '')
          if (c === 'O') o.output = v
          else if (c === 'T') o.timeout = Number(v)
          else if (c === 'U') o.userAgent = v
          break
        } else if (c === 'n') break
        else if (!'cv'.includes(c)) o.bad = c
      }
    } else o.url = a
  }
  return o
}

/** A user header's name and value (`Host: x`), or undefined for one without a colon. */
export function splitHeader(h: string): [string, string] | undefined {
  const i = h.indexOf(':')
  return i > 0 ? [h.slice(0, i).trim(), h.slice(i + 1).trim()] : undefined
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
  return flavour.startsWith('busybox/') ? busyboxWget(flavour.slice('busybox/'.length)) : gnuWget
}
