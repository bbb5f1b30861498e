// getent from glibc (nss/getent.c), `hosts` database only: one `%-15s %s` line per address of
// the canonical name, found through /etc/hosts and the pod's DNS resolver like getaddrinfo.
// Leaves out the other databases, AAAA answers and aliases from CNAME chains.

import type { Proc, Tool } from '../host'
import { resolveName } from '../../net/dns'
import { hostsEntries, hostsFileEntry } from './hosts-file'

const TRY = "Try `getent --help' or `getent --usage' for more information.\n"

function hostLine(ip: string, name: string, aliases: string[] = []): string {
  return `${ip.padEnd(15)} ${[name, ...aliases].join(' ')}\n`
}

/** `getent hosts` without keys lists /etc/hosts, one address per line. */
function enumerateHosts(p: Proc): string {
  return hostsEntries(p)
    .map((e) => hostLine(e.ip, e.names[0] as string, e.names.slice(1)))
    .join('')
}

/** `getent hosts NAME...`: exit 2 when any key is not found, silently like glibc. */
export const getentTool: Tool = (p) => {
  const [db, ...keys] = p.argv.slice(1).filter((a) => !a.startsWith('-'))
  if (db === undefined)
    return { stdout: '', stderr: `getent: wrong number of arguments\n${TRY}`, exitCode: 1 }
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4')
    return { stdout: '', stderr: `Unknown database: ${db}\n${TRY}`, exitCode: 1 }
  if (keys.length === 0) return { stdout: enumerateHosts(p), stderr: '', exitCode: 0 }
  let stdout = ''
  let exitCode = 0
  for (const key of keys) {
    // a name from the file prints as its line has it: the canonical (first) name, then aliases
    const fromFile = hostsFileEntry(p, key)
    if (fromFile) {
      stdout += hostLine(fromFile.ip, fromFile.names[0] as string, fromFile.names.slice(1))
      continue
    }
    const r = resolveName(p.ctx.s, p.host.origin, key)
    if (r.kind !== 'A') exitCode = 2
    else stdout += r.ips.map((ip) => hostLine(ip, r.cname ?? r.fqdn)).join('')
  }
  return { stdout, stderr: '', exitCode }
}
