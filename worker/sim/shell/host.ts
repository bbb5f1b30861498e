// Where a command runs: the learner's workstation, or a container (via `kubectl exec`).
// A host decides which programs exist (its PATH), which files can be read and its environment.

import type { Ctx, Env, ProcessResult } from '../context'
import type { Origin } from '../net/types'

/** Shell flavours whose messages differ: interactive bash, `bash -c`, dash (`sh` in Debian/Ubuntu), busybox ash. */
export type Dialect = 'bash' | 'bash-c' | 'dash' | 'ash'

export interface Host {
  origin: Origin
  /** the shell an interactive line or `sh -c` runs in on this host */
  shell: Dialect
  /** `HOSTNAME`, the prompt's host */
  hostname: string
  /** this host's IP address (the pod IP; the workstation's on the kind network) */
  address: string
  /** the program installed under that name, if any */
  find(name: string): Tool | undefined
  /** the environment a process starts with */
  env: Env
  /** readable files by absolute path (`/etc/resolv.conf`) */
  files: Record<string, string>
  /** the container this host is, for apt-get and curl's version (absent on the workstation) */
  container?: { key: string; image: string; podName: string; namespace: string }
}

/** A running program: its arguments, input and a way to start others (xargs, sh -c). */
export interface Proc {
  ctx: Ctx
  host: Host
  argv: string[]
  stdin: string
  env: Env
  /** runs another program of this host, counted against the line's limits */
  spawn(argv: string[], stdin: string): ProcessResult
  /** runs a script in a new shell of this host (`sh -c`) */
  script(src: string, dialect: Dialect, stdin: string, args: string[]): ProcessResult
  /** per-line in-memory files written with `>` (there is no real filesystem) */
  files: Record<string, string>
  /** whether stdout/stderr are the learner's terminal (isatty): curl's meter, wget's bar */
  tty: { out: boolean; err: boolean }
  /** stdin never ends (`yes |`, `< /dev/zero`): `stdin` holds only its start */
  stdinEndless?: boolean
  /** set once the program read an endless source (its stdin, or a device such as /dev/zero) */
  readEndless?: boolean
}

export type Tool = (p: Proc) => ProcessResult

/** The name a shell prints in its own messages. */
export function shellName(d: Dialect): string {
  return d === 'bash' || d === 'bash-c' ? 'bash' : 'sh'
}

/** `bash: foo: command not found` and its dash/ash/`bash -c` forms, exit 127. */
export function notFoundMessage(d: Dialect, name: string): string {
  if (d === 'bash') return `bash: ${name}: command not found\n`
  if (d === 'bash-c') return `bash: line 1: ${name}: command not found\n`
  if (d === 'dash') return `sh: 1: ${name}: not found\n`
  return `sh: ${name}: not found\n`
}
