// `ls` with no disk behind it: the top-level directories of the image's base system, the files
// this simulation knows in /etc, and the files written with `>` during the line. One name per line,
// as ls prints when its output is not a terminal (kubectl exec without -t).

import type { Tool } from '../host'
import { own } from '../own'

const ROOT: Record<string, string[]> = {
  debian: [
    'bin',
    'boot',
    'dev',
    'etc',
    'home',
    'lib',
    'lib64',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'sbin',
    'srv',
    'sys',
    'tmp',
    'usr',
    'var',
  ],
  busybox: [
    'bin',
    'dev',
    'etc',
    'home',
    'lib',
    'lib64',
    'proc',
    'root',
    'sys',
    'tmp',
    'usr',
    'var',
  ],
  alpine: [
    'bin',
    'dev',
    'etc',
    'home',
    'lib',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'sbin',
    'srv',
    'sys',
    'tmp',
    'usr',
    'var',
  ],
}

/** ls of the few directories a simulated host can know. */
export const ls: Tool = (p) => {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'))
  const targets = args.length > 0 ? args : ['.']
  let out = ''
  let err = ''
  for (const t of targets) {
    const dir =
      t === '.' ? (p.host.container ? '/' : (p.env.HOME ?? '/')) : t.replace(/\/+$/, '') || '/'
    const names = listing(p, dir)
    if (names === undefined) {
      if (own(p.files, t) !== undefined || own(p.host.files, t) !== undefined) out += `${t}\n`
      else err += `ls: cannot access '${t}': No such file or directory\n`
      continue
    }
    if (targets.length > 1) out += `${t}:\n`
    out += names.map((n) => `${n}\n`).join('')
  }
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 }
}

function listing(p: Parameters<Tool>[0], dir: string): string[] | undefined {
  const written = Object.keys(p.files).filter((f) => !f.includes('/') || f.startsWith(`${dir}/`))
  if (dir === '/' && p.host.container) {
    const os =
      p.host.shell === 'dash'
        ? 'debian'
        : (p.host.files['/etc/os-release'] ?? '').includes('Alpine')
          ? 'alpine'
          : 'busybox'
    return [...(ROOT[os] ?? []), ...written].sort()
  }
  if (dir === '/etc')
    return Object.keys(p.host.files)
      .filter((f) => f.startsWith('/etc/'))
      .map((f) => f.slice(5))
      .sort()
  if (dir === (p.env.HOME ?? '') || dir === '/tmp')
    return written.map((f) => f.replace(/^.*\//, '')).sort()
  return undefined
}
