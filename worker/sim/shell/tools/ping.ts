// ping: busybox 1.36 (networking/ping.c) and iputils (netshoot, Ubuntu's iputils-ping, the
// workstation). ICMP follows net/ping.ts: pod and node IPs answer from inside, virtual IPs never.
// A real ping runs until Ctrl-C: without -c this one stops after 4 packets and says so.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { ping } from '../../net/ping'
import { randomInt } from '../../state'
import { traceEntry } from './send'

function parse(args: string[]): { count?: number; target?: string; bad?: string } {
  let count: number | undefined
  let target: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-c') count = Number(args[++i])
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2))
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s' || a === '-t') i++
    else if (a.startsWith('-')) continue
    else target = a
  }
  return {
    count:
      count !== undefined && Number.isFinite(count) && count > 0 ? Math.min(count, 100) : undefined,
    target,
  }
}

function times(p: Proc, n: number, base: number): number[] {
  return Array.from({ length: n }, () => base + randomInt(p.ctx.s, 60) / 1000)
}

function stats(t: number[]): { min: string; avg: string; max: string; mdev: string } {
  const avg = t.reduce((a, b) => a + b, 0) / t.length
  const mdev = Math.sqrt(t.reduce((a, b) => a + (b - avg) ** 2, 0) / t.length)
  return {
    min: Math.min(...t).toFixed(3),
    avg: avg.toFixed(3),
    max: Math.max(...t).toFixed(3),
    mdev: mdev.toFixed(3),
  }
}

const NOTE =
  'service-lab: ping runs until you press Ctrl-C; this terminal stopped it after 4 packets (use -c N)\n'

function runPing(p: Proc, busybox: boolean): ProcessResult {
  const o = parse(p.argv.slice(1))
  if (!o.target) {
    return busybox
      ? {
          stdout: '',
          stderr:
            'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n',
          exitCode: 1,
        }
      : { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 }
  }
  const r = ping(p.ctx.s, p.host.origin, o.target, { now: p.ctx.now })
  traceEntry(p, p.host.origin, `ping ${o.target}`, {
    outcome:
      r.outcome === 'reply' ? 'answered' : r.outcome === 'nxdomain' ? 'nxdomain' : 'unreachable',
    hops: r.hops,
    diagnosis: r.diagnosis,
    cause: r.cause,
  })
  if (r.outcome === 'nxdomain') {
    return busybox
      ? { stdout: '', stderr: `ping: bad address '${o.target}'\n`, exitCode: 1 }
      : { stdout: '', stderr: `ping: ${o.target}: Name or service not known\n`, exitCode: 2 }
  }
  const n = o.count ?? 4
  const note = o.count === undefined ? NOTE : ''
  const ip = r.ip ?? o.target
  const replies = r.outcome === 'reply' ? times(p, n, r.rttMs ?? 0.08) : []
  const ttl = r.ttl ?? 64
  if (busybox) {
    let out = `PING ${o.target} (${ip}): 56 data bytes\n`
    out += replies
      .map((t, i) => `64 bytes from ${ip}: seq=${i} ttl=${ttl} time=${t.toFixed(3)} ms\n`)
      .join('')
    out += `\n--- ${o.target} ping statistics ---\n${n} packets transmitted, ${replies.length} packets received, ${replies.length ? 0 : 100}% packet loss\n`
    if (replies.length)
      out += `round-trip min/avg/max = ${stats(replies).min}/${stats(replies).avg}/${stats(replies).max} ms\n`
    return { stdout: out, stderr: note, exitCode: replies.length ? 0 : 1 }
  }
  const shown = r.fqdn && r.fqdn !== o.target ? r.fqdn : o.target
  let out = `PING ${shown} (${ip}) 56(84) bytes of data.\n`
  out += replies
    .map((t, i) => `64 bytes from ${ip}: icmp_seq=${i + 1} ttl=${ttl} time=${t.toFixed(3)} ms\n`)
    .join('')
  out += `\n--- ${shown} ping statistics ---\n${n} packets transmitted, ${replies.length} received, ${replies.length ? 0 : 100}% packet loss, time ${(n - 1) * 1000 + 3 + randomInt(p.ctx.s, 70)}ms\n`
  if (replies.length) {
    const s = stats(replies)
    out += `rtt min/avg/max/mdev = ${s.min}/${s.avg}/${s.max}/${s.mdev} ms\n`
  }
  return { stdout: out, stderr: note, exitCode: replies.length ? 0 : 1 }
}

/** ping in the host's flavour: `busybox/...` or iputils. */
export function pingTool(flavour: string): Tool {
  const busybox = flavour.startsWith('busybox')
  return (p) => runPing(p, busybox)
}
