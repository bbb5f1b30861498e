// `ls -l`'s lines, as GNU coreutils (columns as wide as the listing needs) or busybox (fixed
// widths: `%-10s %4u %-8.8s %-8.8s %9u `) print them, with `total` in 1K blocks.
// Deliberate simplification: there is no disk behind a shell, so the metadata is what a fresh
// container would show, not stored: files written in the shell are owned by its user, -rw-r--r--
// (umask 022), dated the line's time (written just now); the image's files and directories are
// root's and dated when the container started (the workstation's: when the cluster was made);
// a directory has 2 links and 4096 bytes.

import { getObject, parseTimestamp } from '../../state'
import type { Pod } from '../../objects/types'
import type { Proc } from '../host'
import { own } from '../own'
import { byteLength } from '../bytes'
import { userOf } from './basic'
import { MONTHS } from '../../time-names'
import { devEntries, devEntry, type DevEntry } from '../devices'

export interface Entry {
  /** the name as listed (a directory's entry, or the operand as typed) */
  name: string
  /** absolute path */
  path: string
  dir: boolean
}

interface Stat {
  mode: string
  links: number
  user: string
  group: string
  size: number
  time: number
  /** 1K blocks it takes (`total`): none on the kernel's in-memory filesystems */
  blocks: number
  device?: [number, number]
  target?: string
}

const DIR_MODES: Record<string, string> = {
  '/tmp': 'drwxrwxrwt',
  '/root': 'drwx------',
  '/proc': 'dr-xr-xr-x',
  '/sys': 'dr-xr-xr-x',
}

/** Kernel filesystems report no size for their directories. */
const NO_SIZE = new Set(['/proc', '/sys'])

const HALF_YEAR_MS = ((365 * 24 * 3600) / 2) * 1000

/** When the host's own files were made: the container's start, or the cluster's creation. */
function hostTime(p: Proc): number {
  const c = p.host.container
  const pod = c && getObject<Pod>(p.ctx.s, 'Pod', c.namespace, c.podName)
  const started = pod?.status?.startTime
  return started ? parseTimestamp(started) : p.ctx.s.createdAt
}

/** /dev's entries, and /dev itself: a tmpfs, 40 bytes + 20 per entry, a link per subdirectory. */
function devStat(p: Proc, path: string): Stat | undefined {
  const inContainer = !!p.host.container
  const root = { user: 'root', group: 'root', time: hostTime(p), blocks: 0 }
  if (path === '/dev') {
    const entries = devEntries(inContainer)
    const dirs = entries.filter((d) => d.mode.startsWith('d')).length
    return { ...root, mode: 'drwxr-xr-x', links: 2 + dirs, size: 40 + 20 * entries.length }
  }
  const d: DevEntry | undefined = devEntry(path, inContainer)
  if (!d) return undefined
  const links = d.mode.startsWith('d') ? 2 : 1
  return { ...root, mode: d.mode, links, size: d.size, device: d.device, target: d.target }
}

function statOf(p: Proc, e: Entry, home: string | undefined): Stat {
  const dev = e.path.startsWith('/dev') ? devStat(p, e.path) : undefined
  if (dev) return dev
  const written = e.dir
    ? own(p.files, `${e.path}/`) !== undefined
    : own(p.files, e.path) !== undefined
  const user = userOf(p)
  const mine = written || (home !== undefined && (e.path === home || e.path.startsWith(`${home}/`)))
  const owner = mine ? user : { name: 'root', group: 'root' }
  const time = written ? p.ctx.now : hostTime(p)
  if (e.dir) {
    const mode = DIR_MODES[e.path] ?? 'drwxr-xr-x'
    const size = NO_SIZE.has(e.path) ? 0 : 4096
    return { mode, links: 2, user: owner.name, group: owner.group, size, time, blocks: size / 1024 }
  }
  const text = own(p.files, e.path) ?? own(p.host.files, e.path) ?? ''
  const size = byteLength(text)
  const blocks = Math.ceil(size / 4096) * 4
  return { mode: '-rw-r--r--', links: 1, user: owner.name, group: owner.group, size, time, blocks }
}

/** `Dec  6 16:20` within half a year of now, else `Apr 13  2021` (ls's C-locale formats). */
function dateOf(ms: number, now: number): string {
  const d = new Date(ms)
  const day = String(d.getUTCDate()).padStart(2, ' ')
  const month = MONTHS[d.getUTCMonth()] as string
  const recent = now - ms < HALF_YEAR_MS && ms - now < 15 * 60_000
  if (!recent) return `${month} ${day}  ${d.getUTCFullYear()}`
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  return `${month} ${day} ${hm}`
}

/** -h: 4.0K, 12K, 1.5M (rounded up, one decimal below 10), bytes as they are. */
function human(n: number): string {
  let v = n
  let unit = 0
  while (v >= 1024 && unit < 5) {
    v /= 1024
    unit++
  }
  if (unit === 0) return String(n)
  const shown = v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))
  return `${shown}${'KMGTP'[unit - 1]}`
}

/** 1K blocks the entries take (4K blocks, none for an empty file), as `total` counts them. */
function blocks(stats: Stat[]): number {
  return stats.reduce((sum, s) => sum + s.blocks, 0)
}

export interface LongOptions {
  human: boolean
  busybox: boolean
  home: string | undefined
}

/** The long lines of `entries` (and `total` first when they are a directory's contents). */
export function longListing(p: Proc, entries: Entry[], total: boolean, o: LongOptions): string {
  const stats = entries.map((e) => statOf(p, e, o.home))
  const sizes = sizeColumn(stats, o)
  const dates = stats.map((s) => dateOf(s.time, p.ctx.now))
  const names = entries.map((e, i) => e.name + (stats[i]?.target ? ` -> ${stats[i]?.target}` : ''))
  let out = total ? `total ${blocks(stats)}\n` : ''
  if (o.busybox) {
    entries.forEach((_, i) => {
      const s = stats[i] as Stat
      const ids = `${s.user.slice(0, 8).padEnd(8)} ${s.group.slice(0, 8).padEnd(8)}`
      out += `${s.mode} ${String(s.links).padStart(4)} ${ids} ${sizes[i]} ${dates[i]} ${names[i]}\n`
    })
    return out
  }
  const width = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length))
  const links = stats.map((s) => String(s.links))
  const [lw, uw, gw] = [
    width(links),
    width(stats.map((s) => s.user)),
    width(stats.map((s) => s.group)),
  ]
  entries.forEach((_, i) => {
    const s = stats[i] as Stat
    const cols = [s.mode, (links[i] as string).padStart(lw), s.user.padEnd(uw), s.group.padEnd(gw)]
    out += `${cols.join(' ')} ${sizes[i]} ${dates[i]} ${names[i]}\n`
  })
  return out
}

/**
 * The size column, or a device's `major, minor` in its place: busybox prints `%9u` or `%4u, %3u`;
 * GNU right-aligns both kinds to one width, majors and minors each to their own (coreutils ls.c).
 */
function sizeColumn(stats: Stat[], o: LongOptions): string[] {
  const size = (s: Stat) => (o.human ? human(s.size) : String(s.size))
  if (o.busybox)
    return stats.map((s) =>
      s.device
        ? `${String(s.device[0]).padStart(4)}, ${String(s.device[1]).padStart(3)}`
        : size(s).padStart(9),
    )
  const devices = stats.flatMap((s) => (s.device ? [s.device] : []))
  const majorWidth = Math.max(0, ...devices.map(([major]) => String(major).length))
  const minorWidth = Math.max(0, ...devices.map(([, minor]) => String(minor).length))
  const cells = stats.map((s) =>
    s.device
      ? `${String(s.device[0]).padStart(majorWidth)}, ${String(s.device[1]).padStart(minorWidth)}`
      : size(s),
  )
  const widest = Math.max(0, ...cells.map((c) => c.length))
  return cells.map((c) => c.padStart(widest))
}
