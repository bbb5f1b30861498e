// `history`, the builtin of bash and busybox ash. An interactive shell (the workstation's line, a
// pod's shell) carries its list in `Shell.history`, the running line last; `sh -c` and scripts
// have none, so there bash prints nothing. dash has no such builtin.
// Kept: `history`, `history N`, `history -c` (the cleared list lasts: a pod shell keeps it in its
// session, the workstation hands it to the platform as Ctx.historyAfter, which stores it as the
// lab's recent lines). Left out: -d, -anrw, -ps (they say so).

import type { Builtin } from './builtins'
import { notFoundMessage } from './host'

/** bash 5.2 builtins/history.def: `%5d%c %s` (no `*`: lines here are never edited). */
function bashList(lines: string[], from: number): string {
  return lines.map((l, i) => `${String(from + i).padStart(5)}  ${l}\n`).join('')
}

export const historyBuiltin: Builtin = (sh, argv, io) => {
  if (sh.dialect === 'dash') {
    io.err.write(notFoundMessage('dash', 'history'))
    return 127
  }
  const lines = sh.history ?? []
  if (sh.dialect === 'ash') {
    // busybox ash ignores its arguments; libbb/lineedit.c show_history numbers from 0
    io.out.write(lines.map((l, i) => `${String(i).padStart(4)} ${l}\n`).join(''))
    return 0
  }
  const who = sh.dialect === 'bash-c' ? 'bash: line 1: history: ' : 'bash: history: '
  const args = argv.slice(1)
  const arg = args[0]
  if (arg === '-c') {
    if (sh.history) sh.history = []
    return 0
  }
  if (arg?.startsWith('-') && arg !== '-') {
    io.err.write(
      `service-lab: history ${arg} is not simulated; history, history N, history -c are\n`,
    )
    return 1
  }
  if (args.length > 1) {
    io.err.write(`${who}too many arguments\n`)
    return 1
  }
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    io.err.write(`${who}${arg}: numeric argument required\n`)
    return 1
  }
  const shown =
    arg === undefined ? lines : lines.slice(lines.length - Math.min(Number(arg), lines.length))
  io.out.write(bashList(shown, lines.length - shown.length + 1))
  return 0
}
