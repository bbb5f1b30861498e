// A shell inside a container, kept between terminal lines (`kubectl exec -it POD -- bash`,
// `kubectl run -it`, `kubectl attach -it`). Plain JSON: the platform stores it with the cluster.

import type { Dialect } from '../shell/host'
import type { Job } from '../shell/jobs'

/** How the shell was reached: decides what kubectl prints when it ends (TERMINAL-FACTS B5). */
export type ShellVia = 'exec' | 'run' | 'attach'

/** Which prompt the shell draws (TERMINAL-FACTS B1-B4). */
export type PromptStyle =
  /** Debian/Ubuntu bash: /etc/bash.bashrc `\u@\h:\w\$ ` */
  | 'debian-bash'
  /** bash without an rc file setting PS1 (Alpine): `bash-5.2# ` */
  | 'plain-bash'
  /** dash as `sh` in Debian/Ubuntu: `# ` for root */
  | 'dash'
  /** busybox ash with FANCY_PROMPT: `\w \$ ` */
  | 'ash'
  /** `kubectl exec -i` without `-t`: the shell reads the terminal as a pipe and draws no prompt */
  | 'none'

export interface ShellSession {
  namespace: string
  pod: string
  /** the pod's uid when the shell opened: a pod recreated under the same name is another pod */
  uid: string
  container: string
  /** the container's restartCount when the shell opened: a restart ends the shell */
  restarts?: number
  /** the program typed: `bash`, `sh`, `/bin/sh` */
  program: string
  dialect: Dialect
  prompt: PromptStyle
  user: string
  /** shell variables (the environment and what the learner set), `PWD` is the cwd */
  vars: Record<string, string>
  exported: string[]
  /** files written with `>` in this shell, by the path as typed */
  files: Record<string, string>
  /** `$?` */
  status: number
  /** the lines typed in this shell, oldest first, for `history` (absent in older documents) */
  history?: string[]
  /** background jobs not yet reported ended (shell/jobs.ts); absent when none */
  jobs?: Job[]
  /** `$!`, once a job was started */
  lastPid?: number
  via: ShellVia
  /** `run --rm`: kubectl deletes the pod when the session ends */
  rm: boolean
  /** the pod's restartPolicy (the `Session ended, resume using ...` line needs Always) */
  restartPolicy: string
  openedAt: number
}

/** What `kubectl exec -it` / `run -it` / `attach -it` asks for; the shell opens once the line ends. */
export interface OpenRequest {
  namespace: string
  pod: string
  container: string
  program: string
  via: ShellVia
  rm: boolean
  /** `-t` too: false for `kubectl exec -i POD -- sh` (no prompt, non-interactive messages) */
  tty: boolean
}

/**
 * The workstation's bash as a terminal tab left it: what the learner set (variables, `export`s,
 * the cwd as PWD, files written with `>`), carried to the tab's next line as an interactive bash
 * keeps them. Plain JSON, stored with the tab's record. `$?` is not stored here, so that a line
 * that changed nothing but failed leaves the document as it was (no rewrite): the web terminal
 * sends its tab's last exit status with the next line instead (`status`); pod shells carry it.
 */
export interface WorkstationShellState {
  vars: Record<string, string>
  exported: string[]
  files: Record<string, string>
  /** bash's own variables (HOSTNAME, BASH, BASH_VERSION) the learner unset; absent when none */
  unset?: string[]
  /** background jobs not yet reported ended (shell/jobs.ts); absent when none */
  jobs?: Job[]
  /** `$!`, once a job was started */
  lastPid?: number
}

/** The terminal a line is typed in (absent for the one-shot `run` API). */
export interface TerminalCtx {
  columns: number
  rows: number
  /** the tab's workstation shell as the tab's previous line left it (none: a fresh login) */
  workstation?: WorkstationShellState
  /** `$?` as the tab's previous line left it, as the terminal says (not stored: see above) */
  status?: number
  /** set by kubectl when the line opens an interactive shell */
  open?: OpenRequest
}

export const DEFAULT_COLUMNS = 80
export const DEFAULT_ROWS = 24

/** What the platform remembers per terminal tab (kept in the cluster document's runtime). */
export interface TerminalRecord {
  /** the container shell this terminal is in, or null on the workstation */
  session: ShellSession | null
  /** the tab's workstation shell (absent: a fresh login, as in documents before it was kept) */
  workstation?: WorkstationShellState
  columns: number
  rows: number
  /** last line typed (ms), for forgetting the least recently used terminal */
  usedAt: number
}
