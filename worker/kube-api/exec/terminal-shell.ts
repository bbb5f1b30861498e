// The shell of `kubectl exec -it POD -- sh` (and of `kubectl run -it` / `attach -it`) is the lab
// terminal's own container shell (worker/terminal, sim/session): the session is opened by the
// line `kubectl exec -it POD -c C -- PROGRAM` (or `kubectl attach POD -c C -it`) in a terminal of
// its own (`kapi-...`, remembered in the cluster document like a browser tab), then each line runs
// in it with its cwd, variables and files, graded as `kubectl exec POD -c C -- LINE` and recorded
// as `[POD] LINE`, for one read and one write batch. What our kubectl adds around the shell
// (`command terminated with exit code N`, `Session ended ...`, the --rm delete) is left out: the
// real kubectl prints its own.

import { runTerminalLine } from '../../terminal/line'
import type { ExecCall } from './run-exec'
import { shellQuote } from './run-exec'
import type { ShellBackend, ShellStep, TermSize } from './tty-session'

export interface ShellTarget {
  namespace: string
  pod: string
  container: string
  program: string
  via: 'exec' | 'attach'
}

type Answer = Awaited<ReturnType<typeof runTerminalLine>>

/** kubectl's own lines, which the real kubectl prints itself. */
const KUBECTL_OWN = [
  /^command terminated with exit code \d+\n$/,
  /^Session ended, resume using /,
  /^pod "[^"]+" deleted\n$/,
  /^pod \S+ terminated \(\w+\)\n$/,
  /^If you don't see a command prompt, try pressing enter\.\n$/,
]

function shellOutput(a: Answer): string {
  return (a.output ?? [])
    .filter((o) => o.stream === 'stdout' || !KUBECTL_OWN.some((re) => re.test(o.text)))
    .map((o) => o.text)
    .join('')
}

/** The line that opens the session, as a learner would type it. */
export function openLine(t: ShellTarget): string {
  const ns = t.namespace === 'default' ? '' : ` -n ${shellQuote(t.namespace)}`
  const pod = shellQuote(t.pod)
  const c = shellQuote(t.container)
  return t.via === 'attach'
    ? `kubectl attach${ns} ${pod} -c ${c} -it`
    : `kubectl exec -it${ns} ${pod} -c ${c} -- ${shellQuote(t.program)}`
}

let counter = 0

export function terminalShell(call: ExecCall, t: ShellTarget): ShellBackend {
  const terminal = `kapi-${Date.now().toString(36)}-${(counter++ % 1296).toString(36)}`
  const send = (command: string, size: TermSize, eof = false) =>
    runTerminalLine(
      call.db,
      call.codec,
      call.userId,
      call.clusterId,
      { command, terminal, columns: size.columns || 80, rows: size.rows || 24, eof },
      call.now,
      undefined,
      true,
    )
  const step = (a: Answer): ShellStep =>
    a.shell
      ? { output: shellOutput(a), prompt: a.prompt }
      : { output: shellOutput(a), prompt: '', exit: a.exitCode }
  return {
    async open(size) {
      const a = await send(openLine(t), size)
      if (a.shell) return { output: '', prompt: a.prompt }
      const why = `${a.stderr}${a.stdout}`.replace(/^error: /, '').trim()
      return { output: '', prompt: '', error: why || 'the shell could not be opened' }
    },
    line: async (text, size) => step(await send(text, size)),
    eof: async (size) => step(await send('', size, true)),
  }
}
