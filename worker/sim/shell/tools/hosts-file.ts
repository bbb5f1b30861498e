// /etc/hosts as getaddrinfo reads it before DNS (nsswitch `hosts: files dns`): the line's own
// copy if the learner changed it (`echo '172.18.255.200 blue.example' | sudo tee -a /etc/hosts`,
// the classic way to reach an Ingress host by name), else the host's. IPv4 entries only.

import type { Proc } from '../host'
import { lookupFile } from '../fs-path'
import { own } from '../own'

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** The first IPv4 address /etc/hosts gives `name` (case-insensitive, trailing dot ignored). */
export function hostsFileAddress(p: Proc, name: string): string | undefined {
  const want = name.toLowerCase().replace(/\.$/, '')
  if (IPV4.test(want)) return undefined
  const text = lookupFile(p.files, p.host, own(p.env, 'PWD'), '/etc/hosts') ?? ''
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/)
    if (ip && IPV4.test(ip) && names.some((n) => n.toLowerCase() === want)) return ip
  }
  return undefined
}
