// Which implementation runs for a program found in a container, by the flavour the image has
// (`curl/8.11.1`, `busybox/1.36.1`, `gnu`, `bind/9.18.28`, `iputils`, `dash`).

import type { Host, Tool } from './host'
import { BASIC_TOOLS } from './tools/basic'
import { TEXT_TOOLS } from './tools/text'
import { shellTool } from './tools/sh'
import { networkTool } from './tools/network'
import { aptTool } from './tools/apt'
import { ls } from './tools/ls'
import { busyboxPs } from './tools/ps'
import { FILE_TOOLS } from './tools/files'
import { getentTool } from './tools/getent'
import { ingressNginxController } from './tools/ingress-nginx'
import { own } from './own'

/** The simulated program behind a name the image's PATH has, or undefined when none is simulated. */
export function podProgram(name: string, flavour: string, host: Host): Tool | undefined {
  const base = name.replace(/^.*\//, '')
  if (base === 'sh' || base === 'bash' || base === 'ash' || base === 'zsh')
    return shellTool(base, flavour)
  if (base === 'apt-get' || base === 'apt') return aptTool(base)
  if (base === 'ls') return ls
  if (base === 'ps' && flavour.startsWith('busybox/')) return busyboxPs
  if (base === 'getent') return getentTool
  if (base === 'nginx-ingress-controller' && flavour === 'ingress-nginx')
    return ingressNginxController
  const net = networkTool(base, flavour, host)
  if (net) return net
  return own(BASIC_TOOLS, base) ?? own(TEXT_TOOLS, base) ?? own(FILE_TOOLS, base)
}
