// Paths without a disk: a file written in a shell is keyed by its absolute path, resolved against
// the cwd ($PWD) as the kernel would, so `cd /tmp; echo hi > f; cat /tmp/f` finds it. A directory
// exists when the image's base system has it, a known file lies under it, or `mkdir` made it
// (kept as a key ending in `/`). Left out: symlinks, permissions, most of /usr's contents.

import type { Host } from './host'
import { own } from './own'
import { devEntries } from './devices'

const DEBIAN_ROOT =
  'bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var'
const ROOTS: Record<string, string> = {
  debian: DEBIAN_ROOT,
  busybox: 'bin dev etc home lib lib64 proc root sys tmp usr var',
  alpine: 'bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var',
  workstation: DEBIAN_ROOT,
}

/** `path` made absolute against `cwd`, with `.`, `..` and repeated slashes resolved. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = []
  for (const seg of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}

/** The key a written file is stored under; `/dev/*` paths pass through untouched. */
export function fileKey(cwd: string | undefined, path: string): string {
  if (path.startsWith('/dev/')) return path
  return resolvePath(cwd ?? '/', path)
}

/** A file's text: written in this shell (by absolute path, or as typed before paths were resolved), else the image's. */
export function lookupFile(
  files: Record<string, string>,
  host: Host,
  cwd: string | undefined,
  path: string,
): string | undefined {
  const abs = fileKey(cwd, path)
  return own(files, abs) ?? own(files, path) ?? own(host.files, abs)
}

/** The directories under /dev: the pts, shm and mqueue mounts (empty here) */
const DEV_DIRS = new Set(['/dev/pts', '/dev/shm', '/dev/mqueue'])

function rootNames(host: Host): string[] {
  if (!host.container) return (ROOTS.workstation ?? '').split(' ')
  const os =
    host.shell !== 'ash'
      ? 'debian'
      : (host.files['/etc/os-release'] ?? '').includes('Alpine')
        ? 'alpine'
        : 'busybox'
  return (ROOTS[os] ?? '').split(' ')
}

/** The names directly inside directory `dir` (absolute), or undefined when it is not a directory. */
export function listDirectory(
  host: Host,
  files: Record<string, string>,
  dir: string,
  home: string | undefined,
): string[] | undefined {
  const names = new Set<string>(dir === '/' ? rootNames(host) : [])
  if (dir === '/dev') for (const e of devEntries(!!host.container)) names.add(e.name)
  const prefix = dir === '/' ? '/' : `${dir}/`
  let known =
    dir === '/' ||
    dir === '/tmp' ||
    dir === home ||
    rootNames(host).includes(dir.slice(1)) ||
    DEV_DIRS.has(dir)
  for (const key of [...Object.keys(files), ...Object.keys(host.files)]) {
    if (key === `${dir}/`) known = true
    if (!key.startsWith(prefix) || key === prefix) continue
    known = true
    const name = key.slice(prefix.length).split('/')[0]
    if (name) names.add(name)
  }
  return known ? [...names].sort() : undefined
}

/** Whether `path` (absolute) names a directory this host has. */
export function isDirectory(
  host: Host,
  files: Record<string, string>,
  path: string,
  home?: string,
): boolean {
  return listDirectory(host, files, path, home) !== undefined
}
