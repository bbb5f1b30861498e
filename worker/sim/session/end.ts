// How a container shell ends, as kubectl reports it (TERMINAL-FACTS B1, B3, B5; client-go
// remotecommand, kubectl attach.go and run.go): `exit`, Ctrl+D, or the container going away.

import type { Ctx, ProcessResult } from '../context'
import type { Transcript } from '../shell/io'
import type { Pod } from '../objects/types'
import { getObject } from '../state'
import { deleteObject } from '../objects/delete'
import { recordChange } from '../kubectl/mutation'
import type { ShellSession } from './types'

/** Why the session's container is not there any more, or undefined when it still is. */
export function sessionGone(ctx: Ctx, session: ShellSession): string | undefined {
  const pod = getObject<Pod>(ctx.s, 'Pod', session.namespace, session.pod)
  if (!pod || pod.metadata.uid !== session.uid) return 'the pod was deleted'
  const st = (pod.status.containerStatuses ?? []).find((c) => c.name === session.container)
  if (st && st.restartCount > (session.restarts ?? 0)) return 'its container restarted'
  if (st?.state.terminated) return 'its container stopped'
  return undefined
}

/**
 * kubectl's side of a container dying under the shell: the exec stream closes with the
 * SIGKILL status (137) after the grace period. Attached sessions end without a status line.
 */
export function goneOutput(session: ShellSession): ProcessResult {
  if (session.via !== 'exec') return { stdout: '', stderr: '', exitCode: 0 }
  return { stdout: '', stderr: 'command terminated with exit code 137\n', exitCode: 137 }
}

/** What the shell itself prints on its way out: bash says `exit`, ash and dash nothing. */
export function shellGoodbye(session: ShellSession, eof: boolean): string {
  if (session.prompt === 'none') return ''
  if (session.dialect === 'bash') return eof ? '\nexit\n' : 'exit\n'
  return eof ? '\n' : ''
}

/** Output in the order it was written, with kubectl's exit code. */
export interface Ending {
  output: Transcript
  exitCode: number
}

/**
 * What kubectl prints once the shell exited with `status`, and its own exit code.
 * exec: `command terminated with exit code N` for N != 0. run/attach: the `Session ended` line
 * when the pod restarts its containers; `run --rm` deletes the pod (the delete line comes
 * after it, then run.go's `pod ns/x terminated (Error)` for --restart=Never). Left out: the
 * container restarting after its shell exited without --rm.
 */
export function kubectlAfterExit(ctx: Ctx, session: ShellSession, status: number): Ending {
  if (session.via === 'exec') {
    return status === 0
      ? { output: [], exitCode: 0 }
      : {
          output: [{ stream: 'stderr', text: `command terminated with exit code ${status}\n` }],
          exitCode: status,
        }
  }
  const output: Transcript = []
  const always = session.restartPolicy === 'Always'
  if (always)
    output.push({
      stream: 'stderr',
      text: `Session ended, resume using 'kubectl attach ${session.pod} -c ${session.container} -i -t' command when the pod is running\n`,
    })
  if (session.rm && session.via === 'run') {
    const r = deleteObject(ctx.s, 'Pod', session.namespace, session.pod, { now: ctx.now })
    if (r.ok) {
      recordChange(ctx, r.value, 'deleted')
      output.push({ stream: 'stdout', text: `pod "${session.pod}" deleted\n` })
    }
  }
  if (!always && status !== 0) {
    output.push({
      stream: 'stderr',
      text: `pod ${session.namespace}/${session.pod} terminated (Error)\n`,
    })
    return { output, exitCode: status }
  }
  return { output, exitCode: 0 }
}
