// The learner's workstation: a bash terminal OUTSIDE the cluster (on the kind docker network),
// with kubectl configured for the cluster, Ubuntu 24.04's curl 8.5 and GNU wget, and no cluster DNS.

import { getentTool } from './tools/getent'
import type { Host, Tool } from './host'
import { kubectl } from './cluster-deps'
import { BASIC_TOOLS, dateText } from './tools/basic'
import { FILE_TOOLS } from './tools/files'
import { TEXT_TOOLS } from './tools/text'
import { NETWORK_TOOLS } from './tools/network'
import { HELP_TEXT } from './help-text'
import { ls } from './tools/ls'
import { shellTool } from './tools/sh'
import { osRelease } from './os-release'
import { WORKSTATION_IP } from '../net/ip'
import type { ImageInfo } from '../net/images'
import { dict, own } from './own'

export const WORKSTATION_ENV = {
  SHELL: '/bin/bash',
  PWD: '/home/learner',
  LOGNAME: 'learner',
  HOME: '/home/learner',
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
  USER: 'learner',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
}

/** procps `watch`: the first screen only (its header, then the command's output), and a note. */
const watch: Tool = (p) => {
  const args = p.argv.slice(1)
  let interval = '2.0'
  while (args[0]?.startsWith('-')) {
    const a = args.shift() as string
    if (a === '-n') interval = Number(args.shift() ?? 2).toFixed(1)
    else if (/^-n\d/.test(a)) interval = Number(a.slice(2)).toFixed(1)
  }
  if (args.length === 0)
    return { stdout: '', stderr: 'Usage:\n watch [options] command\n', exitCode: 1 }
  const command = args.join(' ')
  const r = p.script(command, 'dash', '', [])
  const when = dateText(p.ctx.now).replace(' UTC', '')
  const header = `Every ${interval}s: ${command}`.padEnd(58) + `workstation: ${when}\n\n`
  return {
    stdout: header + r.stdout + r.stderr,
    stderr:
      'service-lab: watch shows its first screen here; run the line again to see what changed\n',
    exitCode: 0,
  }
}

const WORKSTATION_TOOLS: Record<string, Tool> = {
  ...BASIC_TOOLS,
  ...TEXT_TOOLS,
  ...FILE_TOOLS,
  ...NETWORK_TOOLS.workstation,
  ls,
  // libc-bin's, part of every Ubuntu
  getent: getentTool,
  // Ubuntu's /bin/sh is dash
  sh: shellTool('sh', 'dash'),
  bash: shellTool('bash', 'gnu'),
  kubectl: (p) => kubectl(p.ctx, p.argv.slice(1), p.stdin, p.env),
  watch,
  clear: (p) => {
    p.ctx.clear = true
    return { stdout: '', stderr: '', exitCode: 0 }
  },
  help: () => ({ stdout: HELP_TEXT, stderr: '', exitCode: 0 }),
  // a pager whose output is not read page by page shows everything, as `less` does into a pipe
  less: (p) => BASIC_TOOLS.cat?.(p) ?? { stdout: p.stdin, stderr: '', exitCode: 0 },
  more: (p) => BASIC_TOOLS.cat?.(p) ?? { stdout: p.stdin, stderr: '', exitCode: 0 },
  sudo: (p) =>
    p.argv.length > 1
      ? p.spawn(p.argv.slice(1), p.stdin)
      : { stdout: '', stderr: 'usage: sudo -h | -K | -k | -V\n', exitCode: 1 },
}

/** Programs a learner may reach for that this terminal does not have, with a pointer to what works. */
const HINTS: Record<string, string> = {
  vi: 'the YAML editor panel',
  vim: 'the YAML editor panel',
  nano: 'the YAML editor panel',
  // the alias many tutorials set up; there is none here
  k: 'kubectl (no alias k is set up here)',
}

/**
 * Programs an Ubuntu 24.04 machine has that this terminal does not simulate: said so, as a pod's
 * image's unsimulated programs are (pod-host.ts), rather than bash's "command not found".
 */
const NOT_SIMULATED = new Set(
  (
    'openssl python3 perl man top ssh find du df stat file tar gzip gunzip diff chmod ' +
    'chown ln basename dirname realpath readlink sha256sum md5sum free uptime nohup git'
  ).split(' '),
)

/**
 * The workstation as a host: bash, kubectl and the Ubuntu 24.04 tools above. One for every line
 * (it depends on nothing), frozen: a host's env and files are only read (a shell copies its env).
 */
export function workstationHost(): Host {
  WORKSTATION ??= Object.freeze(newWorkstationHost())
  return WORKSTATION
}

let WORKSTATION: Host | undefined

function newWorkstationHost(): Host {
  return {
    origin: Object.freeze({ kind: 'workstation' }),
    shell: 'bash',
    hostname: 'workstation',
    address: WORKSTATION_IP,
    env: Object.freeze(dict(WORKSTATION_ENV)),
    files: Object.freeze(
      dict({
        '/etc/hostname': 'workstation\n',
        '/etc/resolv.conf': 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n',
        '/etc/hosts': '127.0.0.1 localhost\n127.0.1.1 workstation\n',
        '/etc/os-release': osRelease({ os: 'ubuntu', release: '24.04' } as ImageInfo) ?? '',
      }),
    ),
    find: (name) => {
      const base = name.replace(/^\/(usr\/)?(local\/)?s?bin\//, '')
      const tool = own(WORKSTATION_TOOLS, base)
      if (tool) return tool
      const hint = own(HINTS, base)
      if (hint)
        return () => ({
          stdout: '',
          stderr: `service-lab: ${base} is not available in this terminal; try ${hint}\n`,
          exitCode: 127,
        })
      if (NOT_SIMULATED.has(base))
        return () => ({
          stdout: '',
          stderr: `service-lab: ${base} is on this workstation, but this terminal does not simulate it\n`,
          exitCode: 1,
        })
      return undefined
    },
  }
}
