// Opening a shell in a container for a terminal: what `kubectl exec -it POD -- bash` starts.
// The shell starts with the container's environment (image ENV, pod env, Service links), the
// `TERM=xterm` containerd adds for a TTY, and the image's working directory.

import type { Ctx } from '../context'
import type { Pod } from '../objects/types'
import type { ClusterState } from '../state'
import { getObject } from '../state'
import { podEnv } from '../shell/pod-host'
import { shellLook } from './prompt'
import type { OpenRequest, ShellSession } from './types'

/** Programs that, alone after `--` with `-it`, start an interactive shell. */
export function isInteractiveShell(argv: string[]): boolean {
  const [first, ...rest] = argv
  if (!first || !/^(\/usr)?(\/bin\/)?(sh|bash|ash)$/.test(first)) return false
  // `bash -l`, `sh -i` are still interactive; `-c script` or a script file are not
  return rest.every((a) => /^-[a-z]+$/.test(a) && !a.includes('c'))
}

/**
 * A new session for the request, or an error sentence when the container is not there any more.
 * Pure: reads the state, changes nothing.
 */
export function openShell(
  state: ClusterState,
  req: OpenRequest,
  now: number,
): { session: ShellSession } | { error: string } {
  const pod = getObject<Pod>(state, 'Pod', req.namespace, req.pod)
  const spec = pod?.spec.containers.find((c) => c.name === req.container)
  if (!pod || !spec) return { error: `pods "${req.pod}" not found` }
  const look = shellLook(spec.image, req.program)
  // without a TTY the shell is not interactive: no prompt, `bash: line 1:` messages, no `exit`
  const dialect = req.tty ? look.dialect : look.dialect === 'bash' ? 'bash-c' : look.dialect
  const ctx = { s: state } as Ctx
  const env: Record<string, string> = podEnv(ctx, pod, spec)
  if (req.tty) env.TERM = 'xterm'
  if (look.user !== 'root') env.HOME = look.home
  const vars: Record<string, string> = { ...env, PWD: look.cwd }
  if (look.dialect === 'bash') vars.SHLVL = '1'
  return {
    session: {
      namespace: req.namespace,
      pod: req.pod,
      uid: pod.metadata.uid,
      container: req.container,
      restarts:
        (pod.status.containerStatuses ?? []).find((c) => c.name === req.container)?.restartCount ??
        0,
      program: req.program,
      dialect,
      prompt: req.tty ? look.prompt : 'none',
      user: look.user,
      vars,
      exported: [...Object.keys(env), 'PWD', ...(look.dialect === 'bash' ? ['SHLVL'] : [])],
      files: {},
      status: 0,
      via: req.via,
      rm: req.rm,
      restartPolicy: pod.spec.restartPolicy ?? 'Always',
      openedAt: now,
    },
  }
}
