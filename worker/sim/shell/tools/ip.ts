// `ip addr` / `ip a` / `ip route` inside a pod (kindnet: eth0 with the pod IP/24, default via the
// node's bridge address .1) and `ifconfig`. Left out: links, neighbours, changes.

import type { Proc, Tool } from '../host'
import type { Pod } from '../../objects/types'
import { getObject } from '../../state'

function podOf(p: Proc): Pod | undefined {
  const o = p.host.origin
  return o.kind === 'pod' ? getObject<Pod>(p.ctx.s, 'Pod', o.namespace, o.name) : undefined
}

function mac(ip: string): string {
  const parts = ip.split('.').map(Number)
  const hex = (n: number) => n.toString(16).padStart(2, '0')
  return `6a:${hex((parts[0] ?? 0) ^ 0x5a)}:${hex(parts[1] ?? 0)}:${hex((parts[2] ?? 0) ^ 0x3c)}:${hex(parts[3] ?? 0)}:7e`
}

function link6(m: string): string {
  const b = m.split(':').map((x) => parseInt(x, 16))
  const h = (i: number) => (b[i] ?? 0).toString(16).padStart(2, '0')
  const first = ((b[0] ?? 0) ^ 2).toString(16).padStart(2, '0')
  return `fe80::${first}${h(1)}:${h(2)}ff:fe${h(3)}:${h(4)}${h(5)}`.replace(/::0+/, '::')
}

/** iproute2/busybox `ip addr` and `ip route` of the pod's network namespace. */
export const ipTool: Tool = (p) => {
  const pod = podOf(p)
  const ip = pod?.status?.podIP ?? '172.18.0.1'
  const sub = p.argv[1] ?? ''
  const base = ip.split('.').slice(0, 3).join('.')
  if (sub === 'route' || sub === 'r') {
    return {
      stdout: `default via ${base}.1 dev eth0 \n${base}.0/24 via ${base}.1 dev eth0 src ${ip} \n${base}.1 dev eth0 scope link src ${ip} \n`,
      stderr: '',
      exitCode: 0,
    }
  }
  if (!['a', 'addr', 'address', 'ad'].includes(sub)) {
    return {
      stdout: '',
      stderr:
        'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | route | neigh }\n',
      exitCode: 1,
    }
  }
  const m = mac(ip)
  const out =
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
    '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' +
    `2: eth0@if${5 + (Number(ip.split('.')[3]) || 0)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n` +
    `    link/ether ${m} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet ${ip}/24 brd ${base}.255 scope global eth0\n       valid_lft forever preferred_lft forever\n` +
    `    inet6 ${link6(m)}/64 scope link \n       valid_lft forever preferred_lft forever\n`
  return { stdout: out, stderr: '', exitCode: 0 }
}

/** net-tools/busybox `ifconfig`: eth0 and lo. */
export const ifconfigTool: Tool = (p) => {
  const ip = podOf(p)?.status?.podIP ?? '172.18.0.1'
  const base = ip.split('.').slice(0, 3).join('.')
  const out =
    `eth0      Link encap:Ethernet  HWaddr ${mac(ip).toUpperCase()}  \n          inet addr:${ip}  Bcast:${base}.255  Mask:255.255.255.0\n` +
    '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n\n' +
    'lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n\n'
  return { stdout: out, stderr: '', exitCode: 0 }
}
