// busybox `ps` (the applet in busybox, Alpine and curlimages/curl images): the container's main
// process as PID 1, the shell a terminal is typing into, and ps itself. Default columns
// `PID USER TIME COMMAND` (busybox ps.c). Left out: options (-o, -ef are accepted, print the same),
// other exec'd processes; the shell's and ps's PIDs (7, 13) are typical values, not tracked ones.

import type { Pod } from '../../objects/types'
import { effectiveArgv, findImage } from '../../net/images'
import { getObject } from '../../state'
import type { Proc, Tool } from '../host'
import { shellName } from '../host'

function mainArgv(p: Proc): string[] {
  const c = p.host.container
  if (!c) return []
  const pod = getObject<Pod>(p.ctx.s, 'Pod', c.namespace, c.podName)
  const name = c.key.slice(c.key.indexOf('/') + 1)
  const spec = pod?.spec.containers.find((x) => x.name === name)
  const image = findImage(c.image)
  return spec && image ? effectiveArgv(image, spec) : []
}

const row = (pid: number, user: string, args: string) =>
  `${String(pid).padStart(5)} ${user.slice(0, 8).padEnd(8)}  0:00 ${args}\n`

/** busybox ps: PID 1, the interactive shell (on a terminal), ps. */
export const busyboxPs: Tool = (p) => {
  const user = (p.host.container && findImage(p.host.container.image)?.user?.name) || 'root'
  let out = 'PID   USER     TIME  COMMAND\n' + row(1, user, mainArgv(p).join(' '))
  if (p.tty.out) out += row(7, user, shellName(p.host.shell))
  out += row(p.tty.out ? 13 : 7, user, p.argv.join(' '))
  return { stdout: out, stderr: '', exitCode: 0 }
}
