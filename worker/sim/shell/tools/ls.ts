// `ls` with no disk behind it: the directories a simulated host knows (fs-path.ts), relative to the
// cwd. One name per line when stdout is not a terminal; in columns on a terminal (kubectl exec -t),
// laid out as GNU ls (vertical fill, tab-padded to 8) or busybox ls (spaces) does.
// Dot files only with -a/-A; -d lists a directory itself; -l in ls-long.ts (its metadata is a
// fresh container's, not stored: see there); -R lists each directory below, as GNU ls and busybox
// do. Left out: colours, -t/-S sorting.

import type { Proc, Tool } from '../host'
import { isDirectory, listDirectory, lookupFile, resolvePath } from '../fs-path'
import { longListing, type Entry } from './ls-long'
import { own } from '../own'
import { isBusybox } from './basic'
import { devEntry } from '../devices'

/** ls of the directories a simulated host can know. */
export const ls: Tool = (p) => {
  const operands = p.argv.slice(1)
  const flags = operands.filter((a) => /^-[^-]/.test(a)).join('')
  const long = flags.includes('l')
  const hidden = flags.includes('a') ? 'all' : flags.includes('A') ? 'almost' : 'none'
  const args = operands.filter((a) => !a.startsWith('-'))
  const cwd = own(p.env, 'PWD') ?? '/'
  const home = own(p.env, 'HOME')
  const columns = p.tty.out && !flags.includes('1') && !long
  const recursive = flags.includes('R')
  const files: Entry[] = []
  const dirs: Array<[string, Entry[]]> = []
  let err = ''
  /** a directory's listing, then (-R) each directory in it, depth first, as ls prints them */
  const addDir = (label: string, path: string, names: string[]) => {
    const entries = entriesOf(p, path, names, hidden, home)
    dirs.push([label, entries])
    if (!recursive) return
    for (const e of entries) {
      if (!e.dir || e.name === '.' || e.name === '..' || dirs.length >= MAX_DIRS) continue
      const below = listDirectory(p.host, p.files, e.path, home)
      if (below) addDir(`${label.replace(/\/+$/, '')}/${e.name}`, e.path, below)
    }
  }
  for (const t of args.length > 0 ? args : ['.']) {
    const path = resolvePath(cwd, t)
    const names = listDirectory(p.host, p.files, path, home)
    if (names !== undefined && flags.includes('d')) files.push({ name: t, path, dir: true })
    else if (names !== undefined) addDir(t, path, names)
    else if (
      lookupFile(p.files, p.host, cwd, t) !== undefined ||
      devEntry(path, !!p.host.container)
    )
      files.push({ name: t, path, dir: false })
    else err += `ls: cannot access '${t}': No such file or directory\n`
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const show = (entries: Entry[], total: boolean) =>
    long
      ? longListing(p, entries, total, { human: flags.includes('h'), busybox: isBusybox(p), home })
      : columns
        ? layout(
            entries.map((e) => e.name),
            Number(p.env.COLUMNS) || 80,
            isBusybox(p),
          )
        : entries.map((e) => `${e.name}\n`).join('')
  let out = files.length > 0 ? show(files, false) : ''
  for (const [t, entries] of dirs) {
    if (recursive || dirs.length + files.length > 1) out += `${out ? '\n' : ''}${t}:\n`
    out += show(entries, true)
  }
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 }
}

/** How many directories `ls -R` lists at most (a guard: the hosts know few). */
const MAX_DIRS = 1000

/** A directory's entries as listed: dot files only with -a (with `.` and `..`) or -A. */
function entriesOf(
  p: Proc,
  dir: string,
  names: string[],
  hidden: 'all' | 'almost' | 'none',
  home: string | undefined,
): Entry[] {
  const shown = hidden === 'none' ? names.filter((n) => !n.startsWith('.')) : names
  const child = (n: string) => resolvePath(dir, n)
  const entries = shown.map((name) => {
    const path = child(name)
    return { name, path, dir: isDirectory(p.host, p.files, path, home) }
  })
  if (hidden !== 'all') return entries
  return [
    { name: '.', path: dir, dir: true },
    { name: '..', path: child('..'), dir: true },
    ...entries,
  ]
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
