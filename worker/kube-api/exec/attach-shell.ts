// `kubectl run -it` / `kubectl attach -it` reach the container's own shell (its main process).
// When that shell exits, the container exits with its status (sim kubelet-main-exit.ts), stored
// like an API write: kubectl then sees the pod Succeeded/Failed through its watch, deletes it for
// `--rm`, and exits with the container's code. The error stream says Success whatever the code
// (KUBE-API-FACTS §7.4: a NonZeroExitCode there makes kubectl fall back to streaming logs).

import type { Context } from 'hono'
import { exitMainProcess } from '../../sim/controllers/kubelet-main-exit'
import type { Pod } from '../../sim/objects/types'
import { getObject } from '../../sim/state'
import type { KubeEnv } from '../auth'
import { writeCluster } from '../cluster-io'
import type { ShellBackend, ShellStep } from './tty-session'

export interface AttachedContainer {
  namespace: string
  pod: string
  uid: string
  container: string
}

async function containerExited(c: Context<KubeEnv>, t: AttachedContainer, code: number) {
  await writeCluster(c, (state, now) => {
    const pod = getObject<Pod>(state, 'Pod', t.namespace, t.pod)
    const changed =
      !!pod && pod.metadata.uid === t.uid && exitMainProcess(state, pod, t.container, code, now)
    const line = `kubectl attach: pod/${t.pod} container ${t.container} exited with code ${code} in ${t.namespace} (API)`
    return { value: null, changed, line, summary: `${t.container} exited with code ${code}` }
  })
}

/** The shell, with the container's exit stored when the shell ends. */
export function attachedShell(
  c: Context<KubeEnv>,
  shell: ShellBackend,
  t: AttachedContainer,
): ShellBackend {
  const ending = async (step: ShellStep): Promise<ShellStep> => {
    if (step.exit === undefined) return step
    await containerExited(c, t, step.exit)
    return { ...step, exit: 0 }
  }
  return {
    open: (size) => shell.open(size),
    line: (text, size) => shell.line(text, size).then(ending),
    eof: (size) => shell.eof(size).then(ending),
  }
}
