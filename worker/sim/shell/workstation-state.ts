// The workstation's bash kept between the lines of a terminal tab, as an interactive bash keeps
// its variables, exports, cwd and (here, without a disk) the files written with `>` (not `$?`:
// session/types.ts WorkstationShellState says why): a
// learner's `POD=$(kubectl get pod -o name)` is there for the next line, and
// `kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml` can be applied
// with `kubectl apply -f web.yaml` afterwards. The one-shot `run` API keeps nothing (no tab).
import type { WorkstationShellState } from '../session/types'
import type { Shell } from './interpreter'
import { checkingDocuments } from '../document-changed'
import { utf8Length } from '../utf8'
import { own } from './own'
import { cloneJSON } from '../clone-json'

/** What a tab keeps at most (variables and files, in UTF-8 bytes); past it a line's changes go. */
export const WORKSTATION_STATE_LIMIT = 256 * 1024

/** Set per line from the tab's size; never kept. */
const PER_LINE = new Set(['COLUMNS', 'LINES'])

/**
 * What bash sets itself when it starts (shell variables, not exported). Ordinary variables after
 * that: a learner's `HOSTNAME=x` or `unset BASH` lasts the session, so a tab keeps only a value
 * that differs from bash's (or the name in `unset`), not the same three values on every line.
 */
const BASH_SET = new Map([
  ['HOSTNAME', 'workstation'],
  ['BASH', '/usr/bin/bash'],
  ['BASH_VERSION', '5.2.21(1)-release'],
])

/**
 * A `bash -c` started on the workstation sets the same variables itself (bash's
 * initialize_shell_variables: HOSTNAME only if it is not in its environment, BASH and BASH_VERSION
 * always); they are not exported, so a `sh -c` (dash) child sees none of them.
 */
export function startBashVariables(vars: Record<string, string>): void {
  for (const [name, value] of BASH_SET)
    if (name !== 'HOSTNAME' || own(vars, name) === undefined) vars[name] = value
}

/** Gives the shell bash's own variables, but those the tab's learner changed or unset. */
export function setBashVariables(sh: Shell, kept?: WorkstationShellState): void {
  for (const [name, value] of BASH_SET) {
    if (kept && (own(kept.vars, name) !== undefined || kept.unset?.includes(name))) continue
    sh.vars[name] = value
  }
}

/** Whether a variable of the live shell is part of what the tab keeps. */
const isKeptVariable = (name: string, value: string) =>
  !PER_LINE.has(name) && BASH_SET.get(name) !== value

/** bash's own variables the learner unset (bash would not set them again). */
function unsetOf(sh: Shell): string[] {
  return [...BASH_SET.keys()].filter((name) => own(sh.vars, name) === undefined)
}

function isOverLimit(state: WorkstationShellState): boolean {
  const texts = [
    ...Object.entries(state.vars),
    ...Object.entries(state.files),
    ...(state.jobs ?? []).map((j) => [j.command]),
  ].flat()
  const units = texts.reduce((n, t) => n + t.length, 0)
  // a UTF-16 code unit is 1 to 3 bytes (a pair, 2 units, is 4): only a state between the two
  // bounds is measured byte by byte
  if (units > WORKSTATION_STATE_LIMIT) return true
  if (units * 3 <= WORKSTATION_STATE_LIMIT) return false
  return texts.reduce((n, t) => n + utf8Length(t), 0) > WORKSTATION_STATE_LIMIT
}

/**
 * The state a shell leaves, or undefined when it is past the limit (the tab keeps its last).
 * `kept` (the state the line started from) itself when the line left it as it was: most lines set
 * nothing, and the platform then knows without serialising either that the tab's record is
 * unchanged (worker/terminal/records.ts).
 */
export function workstationStateOf(
  sh: Shell,
  kept?: WorkstationShellState,
): WorkstationShellState | undefined {
  if (kept !== undefined && isLeftAsKept(sh, kept)) {
    if (checkingDocuments()) checkLeftAsKept(builtState(sh), kept)
    return kept
  }
  return builtState(sh)
}

function builtState(sh: Shell): WorkstationShellState | undefined {
  const vars: Record<string, string> = {}
  for (const [k, v] of Object.entries(sh.vars)) if (isKeptVariable(k, v)) vars[k] = v
  const exported = [...sh.exported].filter((k) => !PER_LINE.has(k))
  const unset = unsetOf(sh)
  const state = {
    vars,
    exported,
    files: { ...sh.files },
    ...(unset.length > 0 ? { unset } : {}),
    ...(sh.jobTable.length > 0 ? { jobs: cloneJSON(sh.jobTable) } : {}),
    ...(sh.lastPid !== undefined ? { lastPid: sh.lastPid } : {}),
  }
  return isOverLimit(state) ? undefined : state
}

/**
 * Whether the shell's state is `kept`'s, keys in the same order (so the same JSON): an answer of
 * false only costs the state built and compared as JSON.
 */
function isLeftAsKept(sh: Shell, kept: WorkstationShellState): boolean {
  if (!sameEntries(sh.vars, kept.vars, isKeptVariable) || !sameEntries(sh.files, kept.files))
    return false
  if (unsetOf(sh).join(' ') !== (kept.unset ?? []).join(' ')) return false
  if (JSON.stringify(sh.jobTable) !== JSON.stringify(kept.jobs ?? [])) return false
  if (sh.lastPid !== kept.lastPid) return false
  let i = 0
  for (const name of sh.exported) {
    if (PER_LINE.has(name)) continue
    if (kept.exported[i] !== name) return false
    i += 1
  }
  return i === kept.exported.length
}

/** Same keys in the same order and the same values, counting only the entries of `live` kept. */
function sameEntries(
  live: Record<string, string>,
  kept: Record<string, string>,
  isKept?: (key: string, value: string) => boolean,
): boolean {
  const keys = Object.keys(kept)
  let i = 0
  for (const k in live) {
    if (isKept && !isKept(k, live[k] as string)) continue
    if (keys[i] !== k || kept[k] !== live[k]) return false
    i += 1
  }
  return i === keys.length
}

/** Check mode (every Node test): a state taken as left as kept has kept's JSON. */
function checkLeftAsKept(built: WorkstationShellState | undefined, kept: WorkstationShellState) {
  if (JSON.stringify(built) !== JSON.stringify(kept))
    throw new Error('workstation state: taken as left as it was, but it changed')
}

/** The line on stderr when a line's changes were not kept (no real shell has this limit). */
export const workstationLimitMessage = () =>
  `service-lab: workstation limit (${WORKSTATION_STATE_LIMIT / 1024} KB of variables and files) reached; this line's changes to them were not kept\n`
