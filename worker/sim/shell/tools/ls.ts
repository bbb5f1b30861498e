// `ls` with no disk behind it: the directories a simulated host knows (fs-path.ts), relative to the
// cwd. One name per line when stdout is not a terminal; in columns on a terminal (kubectl exec -t),
// laid out as GNU ls (vertical fill, tab-padded to 8) or busybox ls (spaces) does.
// Left out: -l's metadata (there is none to show: no sizes, owners or times), colours, -R.

import type { Tool } from '../host'
import { listDirectory, lookupFile, resolvePath } from '../fs-path'
import { own } from '../own'
import { isBusybox } from './basic'

/** ls of the directories a simulated host can know. */
export const ls: Tool = (p) => {
  const flags = p.argv
    .slice(1)
    .filter((a) => /^-[^-]/.test(a))
    .join('')
  const all = flags.includes('a')
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'))
  const cwd = own(p.env, 'PWD') ?? '/'
  const columns = p.tty.out && !flags.includes('1') && !flags.includes('l')
  let files: string[] = []
  let err = ''
  const dirs: Array<[string, string[]]> = []
  for (const t of args.length > 0 ? args : ['.']) {
    const names = listDirectory(p.host, p.files, resolvePath(cwd, t), own(p.env, 'HOME'))
    if (names !== undefined) dirs.push([t, all ? ['.', '..', ...names] : names])
    else if (lookupFile(p.files, p.host, cwd, t) !== undefined) files.push(t)
    else err += `ls: cannot access '${t}': No such file or directory\n`
  }
  files = files.sort()
  const show = (names: string[]) =>
    columns
      ? layout(names, Number(p.env.COLUMNS) || 80, isBusybox(p))
      : names.map((n) => `${n}\n`).join('')
  let out = files.length > 0 ? show(files) : ''
  for (const [t, names] of dirs) {
    if (dirs.length + files.length > 1) out += `${out ? '\n' : ''}${t}:\n`
    out += show(names)
  }
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 }
}

/** Names in columns filled top to bottom, as many columns as fit the terminal's width. */
function layout(names: string[], width: number, busybox: boolean): string {
  if (names.length === 0) return ''
  const { rows, widths } = busybox ? busyboxGrid(names, width) : gnuGrid(names, width)
  let out = ''
  for (let r = 0; r < rows; r++) {
    let line = ''
    let pos = 0
    for (let c = 0; c * rows + r < names.length; c++) {
      const name = names[c * rows + r] as string
      if (c > 0) {
        const to = widths.slice(0, c).reduce((a, b) => a + b, 0)
        line += busybox ? ' '.repeat(to - pos) : indent(pos, to)
        pos = to
      }
      line += name
      pos += name.length
    }
    out += `${line}\n`
  }
  return out
}

/** GNU ls: the most columns whose widths (longest name + 2, the last without) fit the line. */
function gnuGrid(names: string[], width: number): { rows: number; widths: number[] } {
  for (let cols = Math.min(names.length, Math.floor(width / 3)); cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    const widths: number[] = []
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows)
      widths.push(Math.max(0, ...col.map((n) => n.length)) + (c === cols - 1 ? 0 : 2))
    }
    if (widths.reduce((a, b) => a + b, 0) < width) return { rows, widths }
  }
  return { rows: names.length, widths: [0] }
}

/** busybox ls: equal columns of the longest name + 2. */
function busyboxGrid(names: string[], width: number): { rows: number; widths: number[] } {
  const colWidth = Math.max(...names.map((n) => n.length)) + 2
  const cols = Math.max(1, Math.floor(width / colWidth))
  return { rows: Math.ceil(names.length / cols), widths: Array<number>(cols).fill(colWidth) }
}

/** GNU ls pads with tabs where a tab stop (every 8) is passed, then spaces. */
function indent(from: number, to: number): string {
  let s = ''
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t'
      from += 8 - (from % 8)
    } else {
      s += ' '
      from++
    }
  }
  return s
}
