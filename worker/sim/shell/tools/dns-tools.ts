// DNS clients against the cluster's CoreDNS: busybox nslookup 1.36 (networking/nslookup.c: A and
// AAAA for every search suffix of a dot-less name, each NXDOMAIN printed and exit 1), bind 9.18's
// nslookup/host (search list with ndots, stop at the first answer) and dig (no search list unless
// +search; +short). Servers and search domains come from the host's /etc/resolv.conf.

import type { ProcessResult } from '../../context'
import type { Service } from '../../objects/types'
import type { Proc, Tool } from '../host'
import { lookupFqdn, resolveName, type FqdnAnswer } from '../../net/dns'
import { listObjects } from '../../state'
import { traceEntry } from './send'
import { DAYS, MONTHS } from '../../time-names'

interface Resolver {
  server: string
  search: string[]
  ndots: number
}

function resolver(p: Proc): Resolver {
  const conf = p.host.files['/etc/resolv.conf'] ?? ''
  const server = /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? '127.0.0.53'
  const search = (/^search\s+(.*)$/m.exec(conf)?.[1] ?? '')
    .split(/\s+/)
    .filter((d) => d && d !== '.')
  const ndots = Number(/ndots:(\d+)/.exec(conf)?.[1] ?? 1)
  return { server, search, ndots }
}

/** One absolute name as the host's DNS server answers it (the workstation's knows no cluster names). */
function ask(p: Proc, fqdn: string): FqdnAnswer & { authoritative: boolean } {
  const name = fqdn.replace(/\.$/, '').toLowerCase()
  const a = p.host.container ? lookupFqdn(p.ctx.s, name) : noClusterDns(p, name)
  return { ...a, authoritative: name === 'cluster.local' || name.endsWith('.cluster.local') }
}

function noClusterDns(p: Proc, name: string): FqdnAnswer {
  const r = resolveName(p.ctx.s, p.host.origin, `${name}.`)
  return r.kind === 'A'
    ? { kind: 'A', ips: r.ips, fqdn: r.fqdn, cname: r.cname, target: r.target }
    : { kind: 'NXDOMAIN' }
}

function record(p: Proc, tool: string, name: string, found: FqdnAnswer | undefined): void {
  const ok = found?.kind === 'A'
  const label = ok ? `${name} -> ${found.ips.join(', ')}` : `${name}: NXDOMAIN`
  traceEntry(p, p.host.origin, `${tool} ${name}`, {
    outcome: ok ? 'answered' : 'nxdomain',
    hops: [
      { kind: 'client', label: p.host.hostname, ok: true },
      { kind: 'dns', label, ok },
    ],
  })
}

/** A reverse (PTR) answer: ClusterIPs name their Service. */
function reverse(p: Proc, ip: string): string | undefined {
  const svc = listObjects<Service>(p.ctx.s, 'Service').find((s) => s.spec.clusterIP === ip)
  return svc ? `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local` : undefined
}

function ptrName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`
}

function answerLines(a: FqdnAnswer, name: string): string {
  if (a.kind !== 'A') return ''
  const cname = a.cname ? `${name}\tcanonical name = ${a.cname}\n` : ''
  return cname + a.ips.map((ip) => `Name:\t${a.cname ?? name}\nAddress: ${ip}\n`).join('')
}

const busyboxNslookup: Tool = (p) => {
  const name = p.argv.slice(1).find((a) => !a.startsWith('-'))
  if (!name)
    return {
      stdout: '',
      stderr:
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n',
      exitCode: 1,
    }
  const r = resolver(p)
  let out = `Server:\t\t${r.server}\nAddress:\t${r.server}:53\n\n`
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    const host = reverse(p, name)
    out += host
      ? `${ptrName(name)}\tname = ${host}\n\n`
      : `** server can't find ${ptrName(name)}: NXDOMAIN\n\n`
    return { stdout: out, stderr: '', exitCode: host ? 0 : 1 }
  }
  const names =
    name.includes('.') || r.search.length === 0 ? [name] : r.search.map((d) => `${name}.${d}`)
  let exitCode = 0
  let first: FqdnAnswer | undefined
  for (const type of ['A', 'AAAA']) {
    for (const q of names) {
      const a = ask(p, q)
      if (type === 'A' && a.kind === 'A') first ??= a
      if (a.kind === 'NXDOMAIN') {
        out += `** server can't find ${q}: NXDOMAIN\n\n`
        exitCode = 1
      } else
        out +=
          (a.authoritative ? '' : 'Non-authoritative answer:\n') +
          (type === 'A' ? answerLines(a, q) : '') +
          '\n'
    }
  }
  record(p, 'nslookup', name, first)
  return { stdout: out, stderr: '', exitCode }
}

/** The search order of bind and glibc: the name itself first only with at least ndots dots. */
function searchOrder(name: string, r: Resolver): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const dots = name.split('.').length - 1
  const searched = r.search.map((d) => `${name}.${d}`)
  return dots >= r.ndots ? [name, ...searched] : [...searched, name]
}

function firstAnswer(
  p: Proc,
  name: string,
  r: Resolver,
): { q: string; a: FqdnAnswer & { authoritative: boolean } } | undefined {
  for (const q of searchOrder(name, r)) {
    const a = ask(p, q)
    if (a.kind === 'A') return { q, a }
  }
  return undefined
}

const bindNslookup: Tool = (p) => {
  const name = p.argv.slice(1).find((a) => !a.startsWith('-'))
  if (!name) return { stdout: '', stderr: '', exitCode: 0 }
  const r = resolver(p)
  let out = `Server:\t\t${r.server}\nAddress:\t${r.server}#53\n\n`
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    const host = reverse(p, name)
    out += host
      ? `${ptrName(name)}\tname = ${host}.\n\n`
      : `** server can't find ${ptrName(name)}: NXDOMAIN\n\n`
    return { stdout: out, stderr: '', exitCode: host ? 0 : 1 }
  }
  const hit = firstAnswer(p, name, r)
  record(p, 'nslookup', name, hit?.a)
  if (!hit)
    return { stdout: out + `** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', exitCode: 1 }
  return {
    stdout:
      out +
      (hit.a.authoritative ? '' : 'Non-authoritative answer:\n') +
      answerLines(hit.a, hit.q) +
      '\n',
    stderr: '',
    exitCode: 0,
  }
}

const host: Tool = (p) => {
  const name = p.argv.slice(1).find((a) => !a.startsWith('-'))
  if (!name)
    return {
      stdout: '',
      stderr:
        'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n',
      exitCode: 1,
    }
  const hit = firstAnswer(p, name, resolver(p))
  record(p, 'host', name, hit?.a)
  if (!hit || hit.a.kind !== 'A')
    return { stdout: `Host ${name} not found: 3(NXDOMAIN)\n`, stderr: '', exitCode: 1 }
  const alias = hit.a.cname ? `${hit.q} is an alias for ${hit.a.cname}.\n` : ''
  return {
    stdout: alias + hit.a.ips.map((ip) => `${hit.a.cname ?? hit.q} has address ${ip}\n`).join(''),
    stderr: '',
    exitCode: 0,
  }
}

const dig: Tool = (p) => {
  const args = p.argv.slice(1)
  const short = args.includes('+short')
  const search = args.includes('+search')
  const name =
    args.find(
      (a) =>
        !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && !/^(A|AAAA|IN)$/i.test(a),
    ) ?? '.'
  const r = resolver(p)
  const server = args.find((a) => a.startsWith('@'))?.slice(1) ?? r.server
  const hit = search
    ? firstAnswer(p, name, r)
    : (() => {
        const a = ask(p, name)
        return a.kind === 'A' ? { q: name.replace(/\.$/, ''), a } : undefined
      })()
  record(p, 'dig', name, hit?.a)
  if (short) {
    if (!hit || hit.a.kind !== 'A') return { stdout: '', stderr: '', exitCode: 0 }
    return {
      stdout: (hit.a.cname ? `${hit.a.cname}.\n` : '') + hit.a.ips.map((ip) => `${ip}\n`).join(''),
      stderr: '',
      exitCode: 0,
    }
  }
  return digFull(p, name, server, hit)
}

function digFull(
  p: Proc,
  name: string,
  server: string,
  hit: ReturnType<typeof firstAnswer>,
): ProcessResult {
  const q = (hit?.q ?? name.replace(/\.$/, '')) + '.'
  const ok = hit !== undefined && hit.a.kind === 'A'
  const answers =
    ok && hit.a.kind === 'A'
      ? [
          ...(hit.a.cname ? [`${q}\t\t5\tIN\tCNAME\t${hit.a.cname}.`] : []),
          ...hit.a.ips.map((ip) => `${hit.a.cname ? hit.a.cname + '.' : q}\t\t30\tIN\tA\t${ip}`),
        ]
      : []
  const id = 10000 + (p.ctx.now % 50000)
  let out = `\n; <<>> DiG 9.18.28 <<>> ${p.argv.slice(1).join(' ')}\n;; global options: +cmd\n;; Got answer:\n`
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${ok ? 'NOERROR' : 'NXDOMAIN'}, id: ${id}\n`
  out += `;; flags: qr aa rd; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: ${ok ? 0 : 1}, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n`
  out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;${q}\t\tIN\tA\n\n`
  if (ok) out += `;; ANSWER SECTION:\n${answers.join('\n')}\n\n`
  else
    out += `;; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1732600000 7200 1800 86400 30\n\n`
  out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${whenText(p.ctx.now)}\n;; MSG SIZE  rcvd: ${ok ? 100 + answers.length * 16 : 150}\n\n`
  return { stdout: out, stderr: '', exitCode: 0 }
}

function whenText(now: number): string {
  const d = new Date(now)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** The DNS client for a program name and flavour (`busybox/1.36.1`, `bind/9.18.28`). */
export function dnsTool(name: string, flavour: string): Tool | undefined {
  if (name === 'nslookup') return flavour.startsWith('busybox') ? busyboxNslookup : bindNslookup
  if (name === 'dig') return dig
  if (name === 'host') return host
  return undefined
}
