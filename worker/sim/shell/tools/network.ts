// Network programs, per host: the workstation's (Ubuntu 24.04: curl 8.5, GNU wget, iputils ping,
// bind's nslookup/dig/host) and the flavour each image ships inside pods
// (findImage(...).tools: `curl/8.11.1`, `busybox/1.36.1`, `bind/9.18.28`, `iputils`, ...).

import type { Host, Tool } from '../host'
import { curlTool } from './curl/index'
import { wgetTool } from './wget'
import { dnsTool } from './dns-tools'
import { pingTool } from './ping'
import { ifconfigTool, ipTool } from './ip'
import { ncTool } from './nc'

export const NETWORK_TOOLS: { workstation: Record<string, Tool> } = {
  workstation: {
    curl: curlTool('8.5.0'),
    wget: wgetTool('gnu/1.21.4'),
    ping: pingTool('iputils'),
    nslookup: dnsTool('nslookup', 'bind/9.18.28') as Tool,
    dig: dnsTool('dig', 'bind/9.18.28') as Tool,
    host: dnsTool('host', 'bind/9.18.28') as Tool,
  },
}

/** The implementation of a network program for a flavour, or undefined when it is not one. */
export function networkTool(name: string, flavour: string, _host: Host): Tool | undefined {
  const [impl, version = ''] = flavour.split('/')
  if (name === 'curl' && impl === 'curl') return curlTool(version)
  if (name === 'wget') return wgetTool(flavour)
  if (name === 'ping') return pingTool(flavour)
  if (name === 'ip') return ipTool
  if (name === 'ifconfig') return ifconfigTool
  if (name === 'nc') return ncTool(flavour)
  return dnsTool(name, flavour)
}
