// /etc/hosts as getaddrinfo reads it before DNS (nsswitch `hosts: files dns`): the line's own
// copy if the learner changed it (`echo '172.18.255.200 blue.example' | sudo tee -a /etc/hosts`,
// the classic way to reach an Ingress host by name), else the host's. IPv4 entries only.

import type { Proc } from '../host'
import { lookupFile } from '../fs-path'
import { own } from '../own'

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** One /etc/hosts line: an address, its canonical name and aliases. */
export interface HostsEntry {
  ip: string
  names: string[]
}

/** The IPv4 lines of /etc/hosts as the line sees it, comments and blank lines left out. */
export function hostsEntries(p: Proc): HostsEntry[] {
  const text = lookupFile(p.files, p.host, own(p.env, 'PWD'), '/etc/hosts') ?? ''
  const out: HostsEntry[] = []
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/)
    if (ip && IPV4.test(ip) && names.length > 0) out.push({ ip, names })
  }
  return out
}

/** The first line of /etc/hosts naming `name` (case-insensitive, trailing dot ignored). */
export function hostsFileEntry(p: Proc, name: string): HostsEntry | undefined {
  const want = name.toLowerCase().replace(/\.$/, '')
  if (IPV4.test(want)) return undefined
  return hostsEntries(p).find((e) => e.names.some((n) => n.toLowerCase() === want))
}

/** The first IPv4 address /etc/hosts gives `name`. */
export function hostsFileAddress(p: Proc, name: string): string | undefined {
  return hostsFileEntry(p, name)?.ip
}
