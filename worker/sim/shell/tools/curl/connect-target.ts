// Where a transfer connects when the command line says otherwise than DNS: --connect-to
// HOST1:PORT1:HOST2:PORT2 (lib/url.c parse_connect_to_slist) and --resolve HOST:PORT:ADDRESS
// (lib/hostip.c Curl_loadhostpairs). The URL's host stays the Host header, which is what makes
// `curl --resolve shop.example:80:<LB IP> http://shop.example/` reach an Ingress rule. Left out:
// `+`/`-` entries, IPv6 addresses and the error for an entry that does not parse (it is ignored).
// Entries load in order into the DNS cache, a later one for the same HOST:PORT replacing the
// earlier (`RESOLVE HOST:PORT - old addresses discarded`; `... is - ...` before curl 8.3).

import type { CurlOptions } from './args'

export interface ConnectTarget {
  /** the name or address to connect to: an address from --resolve needs no DNS */
  host: string
  port: number
  /** the -v lines curl prints about it, before `Trying` */
  verbose: string[]
}

/** The host and port a transfer to `host:port` connects to (curl `version`'s -v lines). */
export function connectTarget(
  o: CurlOptions,
  host: string,
  port: number,
  version: string,
): ConnectTarget {
  const added: string[] = []
  const verbose: string[] = []
  let to = { host, port }
  for (const entry of o.connectTo) {
    const m = /^([^:]*):(\d*):([^:]*):(\d*)$/.exec(entry)
    if (!m) continue
    const [, host1 = '', port1 = '', host2 = '', port2 = ''] = m
    if (host1 !== '' && host1.toLowerCase() !== host.toLowerCase()) continue
    if (port1 !== '' && Number(port1) !== port) continue
    to = { host: host2 || host, port: port2 === '' ? port : Number(port2) }
    if (host2) verbose.push(`Connecting to hostname: ${host2}`)
    if (port2) verbose.push(`Connecting to port: ${port2}`)
    break
  }
  const cache = new Map<string, string>()
  const [major = 0, minor = 0] = version.split('.').map(Number)
  const is = major < 8 || (major === 8 && minor < 3) ? ' is' : ''
  for (const entry of o.resolve) {
    const m = /^([^:]+):(\d+):([\d.]+)(?:,[^,]+)*$/.exec(entry)
    if (!m) continue
    const [, name = '', entryPort = '', address = ''] = m
    const key = `${name.toLowerCase()}:${Number(entryPort)}`
    if (cache.has(key)) added.push(`RESOLVE ${name}:${entryPort}${is} - old addresses discarded`)
    cache.set(key, address)
    added.push(`Added ${name}:${entryPort}:${address} to DNS cache`)
  }
  const address = cache.get(`${to.host.toLowerCase()}:${to.port}`) ?? cache.get(`*:${to.port}`)
  if (address !== undefined && to.host !== address) {
    verbose.push(`Hostname ${to.host} was found in DNS cache`)
    to = { ...to, host: address }
  }
  return { ...to, verbose: [...added, ...verbose] }
}
