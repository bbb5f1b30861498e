// `nc -zv HOST PORT` (a TCP connect test): OpenBSD netcat (netshoot, Ubuntu) and busybox nc,
// through net/connect.ts (no request is sent, nothing is logged by the server). Without -z, nc
// sends its stdin (nc-send.ts: an HTTP request gets the server's raw answer).

import type { Proc, Tool } from '../host'
import { connectTcp } from './send'
import { sendStdin, type SendFailure } from './nc-send'
import type { ProcessResult } from '../../context'

function runNc(p: Proc, busybox: boolean) {
  const args = p.argv.slice(1)
  let flags = ''
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-')) positional.push(a)
    else if (/^-[wWipsq]$/.test(a)) i++
    else flags += a.slice(1)
  }
  const [host, portText] = positional
  if (!host || !portText || !/^\d+$/.test(portText)) {
    return {
      stdout: '',
      stderr: busybox
        ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n'
        : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n',
      exitCode: 1,
    }
  }
  const port = Number(portText)
  const verbose = flags.includes('v')
  if (!flags.includes('z')) {
    const sent = sendStdin(p, host, port)
    if (!('result' in sent)) return failure(sent.failed, host, port, busybox, verbose)
    if (!verbose) return sent.result
    const stderr = opened(host, sent.ip, port, busybox)
    return {
      ...sent.result,
      stderr,
      output: [
        { stream: 'stderr' as const, text: stderr },
        { stream: 'stdout' as const, text: sent.result.stdout },
      ],
    }
  }
  const r = connectTcp(p, host, port)
  if (r.outcome !== 'answered') return failure(r, host, port, busybox, verbose)
  return { stdout: '', stderr: verbose ? opened(host, r.ip ?? '', port, busybox) : '', exitCode: 0 }
}

/** -v: the connection is open (before anything is sent or read). */
function opened(host: string, ip: string, port: number, busybox: boolean): string {
  return busybox
    ? `${host} (${ip}:${port}) open\n`
    : `Connection to ${host} (${ip}) ${port} port [tcp/*] succeeded!\n`
}

/** A connection that failed, in the flavour's words (OpenBSD nc says nothing without -v). */
function failure(
  r: SendFailure,
  host: string,
  port: number,
  busybox: boolean,
  verbose: boolean,
): ProcessResult {
  if (r.outcome === 'nxdomain') {
    return {
      stdout: '',
      stderr: busybox
        ? `nc: bad address '${host}'\n`
        : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`,
      exitCode: 1,
    }
  }
  const why =
    r.outcome === 'refused'
      ? 'Connection refused'
      : r.outcome === 'timeout'
        ? 'Connection timed out'
        : 'No route to host'
  const msg = busybox
    ? `nc: ${host} (${r.ip}:${port}): ${why}\n`
    : `nc: connect to ${host} (${r.ip}) port ${port} (tcp) failed: ${why}\n`
  return { stdout: '', stderr: verbose || busybox ? msg : '', exitCode: 1 }
}

/** nc in the host's flavour (busybox or OpenBSD): connect tests (-z) and stdin sent as HTTP. */
export function ncTool(flavour: string): Tool {
  const busybox = flavour.startsWith('busybox')
  return (p) => runNc(p, busybox)
}
