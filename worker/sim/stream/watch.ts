// procps-ng `watch [-n S] CMD` on the workstation (TERMINAL-FACTS B6): curses' alternate screen,
// each frame a header (`Every 2.0s: cmd` left, `host: ctime` right-aligned to the terminal width),
// a blank line and the command's output cut to the screen. Ctrl+C restores the screen, no `^C`.

import { runScriptText } from '../shell/simple-command'
import { cellWidth } from '../kubectl/printers/table'
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from '../session/types'
import type { Pause, StreamProc } from './types'
import { DAYS, MONTHS } from '../time-names'

/** C's ctime() without its newline, in UTC: `Sun Dec  6 01:30:45 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms)
  const p2 = (n: number) => String(n).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, ' ')
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time} ${d.getUTCFullYear()}`
}

const ENTER = '\x1b[?1049h'
const LEAVE = '\x1b[?1049l'
const HOME_CLEAR = '\x1b[H\x1b[2J'

/** watch.c output_header: the command cut with `... ` when the right part would not fit. */
export function watchHeader(
  interval: string,
  command: string,
  host: string,
  now: number,
  width: number,
) {
  const left = `Every ${interval}s: `
  const right = `${host}: ${ctime(now)}`
  const room = width - left.length - right.length - 1
  const cmd =
    cellWidth(command) <= room ? command : `${command.slice(0, Math.max(0, room - 4))}... `
  const text = left + cmd
  return text + ' '.repeat(Math.max(1, width - cellWidth(text) - right.length)) + right
}

function fit(text: string, columns: number, rows: number): string {
  return text
    .split('\n')
    .slice(0, Math.max(0, rows))
    .map((l) => (cellWidth(l) > columns ? l.slice(0, columns) : l))
    .join('\n')
}

export function* watchProgram(p: StreamProc): Generator<Pause, number, void> {
  const args = p.argv.slice(1)
  let seconds = 2
  while (args[0]?.startsWith('-')) {
    const a = args.shift() as string
    if (a === '-n' || a === '--interval') seconds = Number(args.shift() ?? 2)
    else if (/^-n\d/.test(a)) seconds = Number(a.slice(2))
    else if (a.startsWith('--interval=')) seconds = Number(a.slice(11))
  }
  if (args.length === 0 || !Number.isFinite(seconds)) {
    p.io.err.write('Usage:\n watch [options] command\n')
    return 1
  }
  seconds = Math.max(0.1, seconds)
  const command = args.join(' ')
  const columns = p.ctx.terminal?.columns ?? DEFAULT_COLUMNS
  const rows = p.ctx.terminal?.rows ?? DEFAULT_ROWS
  p.onInterrupt({ text: LEAVE, exitCode: 0 })
  p.io.out.write(ENTER)
  for (;;) {
    const r = runScriptText(p.sh, command, 'dash', '', [], p.env)
    const header = watchHeader(seconds.toFixed(1), command, p.sh.host.hostname, p.ctx.now, columns)
    p.io.out.write(`${HOME_CLEAR}${header}\n\n${fit(r.stdout + r.stderr, columns, rows - 2)}`)
    const next = p.ctx.now + seconds * 1000
    while (p.ctx.now < next) yield { until: next }
  }
}
