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
import { userOf } from './basic'
import { MONTHS } from '../../time-names'
import { utf8Length } from '../../utf8'

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

function statOf(p: Proc, e: Entry, home: string | undefined): Stat {
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
    return { mode, links: 2, user: owner.name, group: owner.group, size, time }
  }
  const text = own(p.files, e.path) ?? own(p.host.files, e.path) ?? ''
  const size = utf8Length(text)
  return { mode: '-rw-r--r--', links: 1, user: owner.name, group: owner.group, size, time }
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
  return stats.reduce((sum, s) => sum + Math.ceil(s.size / 4096) * 4, 0)
}

export interface LongOptions {
  human: boolean
  busybox: boolean
  home: string | undefined
}

/** The long lines of `entries` (and `total` first when they are a directory's contents). */
export function longListing(p: Proc, entries: Entry[], total: boolean, o: LongOptions): string {
  const stats = entries.map((e) => statOf(p, e, o.home))
  const sizes = stats.map((s) => (o.human ? human(s.size) : String(s.size)))
  const dates = stats.map((s) => dateOf(s.time, p.ctx.now))
  let out = total ? `total ${blocks(stats)}\n` : ''
  if (o.busybox) {
    entries.forEach((e, i) => {
      const s = stats[i] as Stat
      const ids = `${s.user.slice(0, 8).padEnd(8)} ${s.group.slice(0, 8).padEnd(8)}`
      out += `${s.mode} ${String(s.links).padStart(4)} ${ids} ${(sizes[i] as string).padStart(9)} ${dates[i]} ${e.name}\n`
    })
    return out
  }
  const width = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length))
  const links = stats.map((s) => String(s.links))
  const [lw, uw, gw, sw] = [
    width(links),
    width(stats.map((s) => s.user)),
    width(stats.map((s) => s.group)),
    width(sizes),
  ]
  entries.forEach((e, i) => {
    const s = stats[i] as Stat
    const cols = [s.mode, (links[i] as string).padStart(lw), s.user.padEnd(uw), s.group.padEnd(gw)]
    out += `${cols.join(' ')} ${(sizes[i] as string).padStart(sw)} ${dates[i]} ${e.name}\n`
  })
  return out
}
