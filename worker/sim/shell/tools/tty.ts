// `tput cols|lines` (ncurses) and `stty size` (coreutils, busybox): the terminal's size when the
// line runs in a terminal tab (its columns and rows), the fallbacks of a run without one.

import type { Tool } from '../host'

const size = (p: Parameters<Tool>[0]) => p.ctx.terminal

/** tput reads the size from the terminal, else $COLUMNS/$LINES, else the terminfo's 80x24. */
export const tput: Tool = (p) => {
  const cap = p.argv[1]
  const t = size(p)
  if (cap === 'cols')
    return { stdout: `${t?.columns ?? p.env.COLUMNS ?? 80}\n`, stderr: '', exitCode: 0 }
  if (cap === 'lines')
    return { stdout: `${t?.rows ?? p.env.LINES ?? 24}\n`, stderr: '', exitCode: 0 }
  if (cap === 'clear') {
    p.ctx.clear = true
    return { stdout: '', stderr: '', exitCode: 0 }
  }
  if (cap === undefined)
    return { stdout: '', stderr: 'usage: tput [-V] [-S] [-T term] capname\n', exitCode: 2 }
  return { stdout: '', stderr: '', exitCode: 0 }
}

/** `stty size` prints "rows columns"; without a terminal, the ioctl fails. */
export const stty: Tool = (p) => {
  const t = size(p)
  if (!t)
    return {
      stdout: '',
      stderr: "stty: 'standard input': Inappropriate ioctl for device\n",
      exitCode: 1,
    }
  if (p.argv[1] === 'size') return { stdout: `${t.rows} ${t.columns}\n`, stderr: '', exitCode: 0 }
  return { stdout: '', stderr: '', exitCode: 0 }
}

/** clear (ncurses, busybox): the terminal is wiped; the platform's terminal does it on `clear`. */
export const clear: Tool = (p) => {
  p.ctx.clear = true
  return { stdout: '', stderr: '', exitCode: 0 }
}

/**
 * reset (ncurses' tset, busybox): the terminal back to its first state, as after `cat /dev/urandom`
 * left it in an odd mode: a full reset (RIS, `ESC c`) when stdout is the terminal, then cleared.
 */
export const reset: Tool = (p) => {
  p.ctx.clear = true
  return { stdout: p.tty.out ? '\x1bc' : '', stderr: '', exitCode: 0 }
}
