// A shell for `exec -it` made of one-shot execs: each line runs as `kubectl exec POD -c C --
// SHELL -c LINE` (graded, recorded and traced like any exec). Used until the container-shell
// sessions of sim/session (cwd, variables, files kept between lines) are wired in; it keeps no
// state between lines but the last exit status, so `cd` does not carry over.

import type { ClusterRow } from '../../db/clusters'
import { execLine, runExecLine, type ExecCall } from './run-exec'
import type { ShellBackend, ShellStep } from './tty-session'

export interface LineShellTarget {
  namespace: string
  pod: string
  container?: string
  program: string
  /** the prompt the image's shell draws */
  prompt: string
}

export function lineShell(call: ExecCall, t: LineShellTarget, first?: ClusterRow): ShellBackend {
  let status = 0
  const step = (output: string, exit?: number): ShellStep => ({ output, prompt: t.prompt, exit })
  return {
    open: async () => step(''),
    async line(text) {
      const exit = /^\s*exit(?:\s+(\d{1,3}))?\s*$/.exec(text)
      if (exit) return step('exit\n', exit[1] === undefined ? status : Number(exit[1]) & 255)
      const argv = [t.program, '-c', text]
      const line = execLine({ ...t, argv, stdin: true, tty: true })
      const out = await runExecLine(call, line, argv, '', first)
      first = undefined
      status = out.exitCode
      const failure =
        'message' in out.status && out.exitCode === 1 && !out.stdout
          ? `${String(out.status.message)}\n`
          : ''
      return step(out.stdout + out.stderr + failure)
    },
    eof: async () => step('exit\n', status),
  }
}
