// A container's /dev as runc makes it (the default devices null zero full random urandom tty, the
// links fd stdin stdout stderr core ptmx, the pts, shm and mqueue mounts) plus the kubelet's
// termination-log, and what reading a device gives. The workstation shows the same few (a real
// machine has many more). Reading /dev/zero or /dev/urandom never ends: one read gives the first
// ENDLESS_READ bytes and says the source goes on (io.ts, simple-command.ts decide what follows).

import type { ClusterState } from '../state'
import { random } from '../state'
import { textOfBytes } from './bytes'
import { OUTPUT_LIMIT } from './io'

export interface DevEntry {
  name: string
  mode: string
  /** major, minor of a character device (`ls -l` prints them where a file's size goes) */
  device?: [number, number]
  /** where a symbolic link points */
  target?: string
  size: number
}

const char = (name: string, major: number, minor: number): DevEntry => ({
  name,
  mode: 'crw-rw-rw-',
  device: [major, minor],
  size: 0,
})
const link = (name: string, target: string): DevEntry => ({
  name,
  mode: 'lrwxrwxrwx',
  target,
  size: target.length,
})

/** What `ls /dev` lists in a pod's container, by name. */
export const DEV_ENTRIES: readonly DevEntry[] = [
  link('core', '/proc/kcore'),
  link('fd', '/proc/self/fd'),
  char('full', 1, 7),
  // mqueue and shm are kernel filesystems: an empty one reports 40 bytes, devpts 0
  { name: 'mqueue', mode: 'drwxrwxrwt', size: 40 },
  char('null', 1, 3),
  link('ptmx', 'pts/ptmx'),
  { name: 'pts', mode: 'drwxr-xr-x', size: 0 },
  char('random', 1, 8),
  { name: 'shm', mode: 'drwxrwxrwt', size: 40 },
  link('stderr', '/proc/self/fd/2'),
  link('stdin', '/proc/self/fd/0'),
  link('stdout', '/proc/self/fd/1'),
  // the kubelet bind-mounts the container's terminationMessagePath here (empty until written)
  { name: 'termination-log', mode: '-rw-rw-rw-', size: 0 },
  char('tty', 5, 0),
  char('urandom', 1, 9),
  char('zero', 1, 5),
]

/** The /dev entries of a host: a container's, or the workstation's (no termination-log). */
export function devEntries(inContainer: boolean): readonly DevEntry[] {
  return inContainer ? DEV_ENTRIES : DEV_ENTRIES.filter((e) => e.name !== 'termination-log')
}

/** The entry at absolute `path` (`/dev/null`), if it is one of /dev's. */
export function devEntry(path: string, inContainer = true): DevEntry | undefined {
  if (!path.startsWith('/dev/')) return undefined
  const name = path.slice('/dev/'.length)
  return devEntries(inContainer).find((e) => e.name === name)
}

/** How many bytes one read of an endless device gives (a pipe stage may hold no more). */
export const ENDLESS_READ = OUTPUT_LIMIT

export interface DeviceRead {
  text: string
  /** the device goes on past `text` for ever */
  endless: boolean
}

/**
 * Reading a device at absolute `path`: /dev/null is empty, /dev/zero and /dev/full give zero
 * bytes, /dev/random and /dev/urandom the cluster's seeded random bytes (the same seed and
 * commands give the same bytes). Undefined for anything else (/dev/stdin is the caller's).
 */
export function readDevice(
  s: ClusterState,
  path: string,
  /** how many bytes the reader wants at most (`head -c 16` draws 16 random bytes, not 256 KB) */
  want = ENDLESS_READ,
): DeviceRead | undefined {
  const n = Math.max(0, Math.min(want, ENDLESS_READ))
  switch (path) {
    case '/dev/null':
      return { text: '', endless: false }
    case '/dev/zero':
    case '/dev/full':
      return { text: '\0'.repeat(n), endless: true }
    case '/dev/random':
    case '/dev/urandom':
      return { text: textOfBytes(randomBytes(s, n)), endless: true }
  }
  return undefined
}

/** `n` bytes from the cluster's PRNG, four from each 32-bit draw. */
function randomBytes(s: ClusterState, n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i += 4) {
    const v = Math.floor(random(s) * 4294967296)
    out[i] = v & 255
    if (i + 1 < n) out[i + 1] = (v >>> 8) & 255
    if (i + 2 < n) out[i + 2] = (v >>> 16) & 255
    if (i + 3 < n) out[i + 3] = v >>> 24
  }
  return out
}
