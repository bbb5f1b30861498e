// `ping HOST` until Ctrl+C (TERMINAL-FACTS B6): one echo a second as simulated time passes, the
// statistics when interrupted (or after -c N). iputils on the workstation and Debian-family
// images, busybox elsewhere; reachability is re-checked per packet (a deleted pod stops answering).

import type { Pod } from '../objects/types'
import { getObject, randomInt } from '../state'
import { ping } from '../net/ping'
import { containerTools } from '../net/images'
import { execute } from '../shell/simple-command'
import type { Pause, StreamProc } from './types'

function flavour(p: StreamProc): string {
  const c = p.sh.host.container
  if (!c) return 'iputils'
  const pod = getObject<Pod>(p.ctx.s, 'Pod', c.namespace, c.podName)
  const spec = pod?.spec.containers.find((x) => `${pod.metadata.uid}/${x.name}` === c.key)
  return (pod && spec && containerTools(p.ctx.s, pod, spec).ping) || 'iputils'
}

function parse(args: string[]): { count?: number; target?: string } {
  let count: number | undefined
  let target: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-c') count = Number(args[++i])
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2))
    else if (['-W', '-w', '-i', '-s', '-t'].includes(a)) i++
    else if (!a.startsWith('-')) target = a
  }
  return { count: count !== undefined && count > 0 ? Math.floor(count) : undefined, target }
}

function statistics(busybox: boolean, shown: string, sent: number, times: number[]): string {
  const lost = sent === 0 ? 0 : Math.round(((sent - times.length) / sent) * 100)
  const avg = times.reduce((a, b) => a + b, 0) / (times.length || 1)
  const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / (times.length || 1))
  const f = (n: number) => n.toFixed(3)
  const min = f(Math.min(...times))
  const max = f(Math.max(...times))
  if (busybox) {
    const rtt = times.length ? `round-trip min/avg/max = ${min}/${f(avg)}/${max} ms\n` : ''
    return `\n--- ${shown} ping statistics ---\n${sent} packets transmitted, ${times.length} packets received, ${lost}% packet loss\n${rtt}`
  }
  const rtt = times.length ? `rtt min/avg/max/mdev = ${min}/${f(avg)}/${max}/${f(mdev)} ms\n` : ''
  const ms = Math.max(0, (sent - 1) * 1000 + 3 + sent * 17)
  return `\n--- ${shown} ping statistics ---\n${sent} packets transmitted, ${times.length} received, ${lost}% packet loss, time ${ms}ms\n${rtt}`
}

export function* pingProgram(p: StreamProc): Generator<Pause, number, void> {
  const o = parse(p.argv.slice(1))
  const first = o.target ? ping(p.ctx.s, p.sh.host.origin, o.target, { now: p.ctx.now }) : undefined
  if (!o.target || !first || first.outcome === 'nxdomain') return execute(p.sh, p.argv, p.io, p.env)
  const target = o.target
  const busybox = flavour(p).startsWith('busybox')
  p.ctx.trace.push({
    from: p.sh.host.origin,
    request: `ping ${target}`,
    outcome: first.outcome === 'reply' ? 'answered' : 'unreachable',
    hops: first.hops,
    diagnosis: first.diagnosis,
    cause: first.cause,
  })
  const ip = first.ip ?? target
  const shown = busybox || !first.fqdn || first.fqdn === target ? target : first.fqdn
  p.io.out.write(
    busybox
      ? `PING ${target} (${ip}): 56 data bytes\n`
      : `PING ${shown} (${ip}) 56(84) bytes of data.\n`,
  )
  const times: number[] = []
  let sent = 0
  const exit = () => (times.length > 0 ? 0 : 1)
  for (;;) {
    const r = sent === 0 ? first : ping(p.ctx.s, p.sh.host.origin, target, { now: p.ctx.now })
    sent += 1
    if (r.outcome === 'reply') {
      const t = (r.rttMs ?? 0.08) + randomInt(p.ctx.s, 60) / 1000
      times.push(t)
      const seq = busybox ? `seq=${sent - 1}` : `icmp_seq=${sent}`
      p.io.out.write(`64 bytes from ${ip}: ${seq} ttl=${r.ttl ?? 64} time=${t.toFixed(3)} ms\n`)
    }
    p.onInterrupt({ text: `^C\n${statistics(busybox, shown, sent, times)}`, exitCode: exit() })
    if (o.count !== undefined && sent >= o.count) {
      p.io.out.write(statistics(busybox, shown, sent, times))
      return exit()
    }
    const next = p.ctx.now + 1000
    while (p.ctx.now < next) yield { until: next }
  }
}
