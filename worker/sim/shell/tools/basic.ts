// Small programs every host has: seq, sleep, cat, tee, env/printenv, hostname, whoami, date, which.
// Messages are GNU coreutils'; busybox differs only where noted.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { OUTPUT_LIMIT } from '../io'
import { programPath } from '../bin-paths'
import { echoText, fixed, printfCommand } from './echo'
import { dict, own } from '../own'
import { uname } from './uname'
import { clear, reset, stty, tput } from './tty'
import { fileKey, isDirectory, lookupFile, resolvePath } from '../fs-path'
import { readDevice } from '../devices'
import { findImage, type ImageUser } from '../../net/images'
import { yes } from './yes'
import { DAYS, MONTHS } from '../../time-names'
import { date } from './date'

const ok = (stdout = ''): ProcessResult => ({ stdout, stderr: '', exitCode: 0 })
const fail = (stderr: string, exitCode = 1, stdout = ''): ProcessResult => ({
  stdout,
  stderr,
  exitCode,
})

/**
 * The text of a file argument: `-` is stdin, then a device (/dev/zero gives its first bytes and
 * marks the program a reader of an endless source), the line's files, then the host's.
 */
export function readArg(p: Proc, name: string, want?: number): string | undefined {
  if (name === '-') return p.stdin
  const abs = resolvePath(own(p.env, 'PWD') ?? '/', name)
  if (abs.startsWith('/dev/')) {
    if (abs === '/dev/stdin') return p.stdin
    const dev = readDevice(p.ctx.s, abs, want)
    if (dev?.endless) p.readEndless = true
    if (dev) return dev.text
  }
  return lookupFile(p.files, p.host, own(p.env, 'PWD'), name)
}

/** Who processes run as: the image's USER in a container (root unless it says), the learner at home. */
export function userOf(p: Proc): ImageUser {
  if (!p.host.container) return { name: 'learner', uid: 1000, group: 'learner', gid: 1000 }
  return findImage(p.host.container.image)?.user ?? { name: 'root', uid: 0, group: 'root', gid: 0 }
}

/** Whether the host's userland is busybox (its messages differ from GNU coreutils'). */
export function isBusybox(p: Proc): boolean {
  return p.host.shell === 'ash'
}

/** `cat: x: No such file or directory` (GNU) or `cat: can't open 'x': No such file or directory` (busybox). */
export function noSuchFile(p: Proc, tool: string, name: string): string {
  return isBusybox(p)
    ? `${tool}: can't open '${name}': No such file or directory\n`
    : `${tool}: ${name}: No such file or directory\n`
}

/** A filter writes as it reads: fed an endless source, its output never ends either. */
export function streamed(p: Proc, r: ProcessResult): ProcessResult {
  return p.readEndless ? { ...r, endless: true } : r
}

/** Reads all inputs of a text tool: the file operands, or stdin when there are none. */
export function readInputs(
  p: Proc,
  tool: string,
  files: string[],
  /** bytes wanted from each device at most (`head -c N`) */
  want?: number,
): { text: string; errors: string } {
  if (files.length === 0) return { text: p.stdin, errors: '' }
  let text = ''
  let errors = ''
  for (const f of files) {
    const t = readArg(p, f, want)
    if (t === undefined) errors += noSuchFile(p, tool, f)
    else text += t
  }
  return { text, errors }
}

const seq: Tool = (p) => {
  const args = p.argv.slice(1)
  let sep = '\n'
  const nums: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-s') sep = args[++i] ?? ''
    else if (a.startsWith('-s')) sep = a.slice(2)
    else nums.push(a)
  }
  if (nums.length === 0)
    return fail("seq: missing operand\nTry 'seq --help' for more information.\n")
  if (nums.length > 3)
    return fail(`seq: extra operand '${nums[3]}'\nTry 'seq --help' for more information.\n`)
  const bad = nums.find((n) => !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n))
  if (bad !== undefined)
    return fail(
      `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`,
    )
  const [first, step, last] =
    nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums
  const a = Number(first)
  const d = Number(step)
  const b = Number(last)
  if (d === 0)
    return fail(
      `seq: invalid Zero increment value: '${step}'\nTry 'seq --help' for more information.\n`,
    )
  const decimals = Math.max(...[first, step].map((n) => (n?.split('.')[1] ?? '').length))
  const out: string[] = []
  let size = 0
  for (let v = a; d > 0 ? v <= b + 1e-9 : v >= b - 1e-9; v += d) {
    const text = decimals > 0 ? fixed(v, decimals) : String(Math.round(v))
    out.push(text)
    size += text.length + sep.length
    if (size > OUTPUT_LIMIT) break
  }
  return ok(out.length === 0 ? '' : out.join(sep) + '\n')
}

const sleep: Tool = (p) => {
  const args = p.argv.slice(1)
  if (args.length === 0)
    return fail("sleep: missing operand\nTry 'sleep --help' for more information.\n")
  for (const a of args) {
    if (a !== 'infinity' && !/^\d+(\.\d+)?[smhd]?$/.test(a)) {
      return fail(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`)
    }
  }
  // Time does not pass inside one line: sleep returns at once (the cluster's clock is `now`).
  return ok()
}

const cat: Tool = (p) => {
  const files = p.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'))
  const cwd = own(p.env, 'PWD')
  const dir = files.find((f) => isDirectory(p.host, p.files, fileKey(cwd, f), own(p.env, 'HOME')))
  if (dir !== undefined && files.length === 1)
    return fail(
      isBusybox(p) ? 'cat: read error: Is a directory\n' : `cat: ${dir}: Is a directory\n`,
    )
  const r = readInputs(p, 'cat', files)
  return streamed(p, { stdout: r.text, stderr: r.errors, exitCode: r.errors ? 1 : 0 })
}

const tee: Tool = (p) => {
  const append = p.argv.includes('-a')
  for (const f of p.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (f === '/dev/null') continue
    const key = fileKey(own(p.env, 'PWD'), f)
    p.files[key] =
      (append ? (lookupFile(p.files, p.host, own(p.env, 'PWD'), f) ?? '') : '') + p.stdin
  }
  return ok(p.stdin)
}

const env: Tool = (p) => {
  const args = p.argv.slice(1)
  const vars = dict(p.env)
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    const m = /^([^=]+)=(.*)$/s.exec(a)
    if (a === '-i' || a === '-') for (const k of Object.keys(vars)) delete vars[k]
    else if (m) vars[m[1] as string] = m[2] as string
    else break
  }
  if (i < args.length) return p.spawn(args.slice(i), p.stdin)
  return ok(
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  )
}

const printenv: Tool = (p) => {
  const names = p.argv.slice(1)
  if (names.length === 0)
    return ok(
      Object.entries(p.env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    )
  const found = names.filter((n) => own(p.env, n) !== undefined)
  return {
    stdout: found.map((n) => `${own(p.env, n)}\n`).join(''),
    stderr: '',
    exitCode: found.length === names.length ? 0 : 1,
  }
}

/** `timeout DURATION COMMAND`: nothing here runs long, except a connection nobody answers. */
const timeout: Tool = (p) => {
  const [limit, ...command] = p.argv.slice(1).filter((a, i) => i > 0 || !a.startsWith('-'))
  const seconds = Number((limit ?? '').replace(/s$/, ''))
  if (!limit || command.length === 0 || Number.isNaN(seconds)) {
    return fail("timeout: missing operand\nTry 'timeout --help' for more information.\n", 125)
  }
  // curl is given the limit so that its meter stops where timeout would have killed it
  const r = p.spawn(
    command[0] === 'curl' ? ['curl', '-m', String(seconds), ...command.slice(1)] : command,
    p.stdin,
  )
  const waited = /after (\d+) m(illi)?s/.exec(r.stderr)
  if (r.exitCode === 28 && waited && Number(waited[1]) >= seconds * 1000) {
    return { stdout: r.stdout, stderr: r.stderr.replace(/^curl: \(28\).*\n/m, ''), exitCode: 124 }
  }
  return r
}

const which: Tool = (p) => {
  const names = p.argv.slice(1).filter((a) => !a.startsWith('-'))
  const found = names.filter((n) => p.host.find(n))
  return {
    stdout: found.map((n) => `${programPath(p.host, n)}\n`).join(''),
    stderr: '',
    exitCode: found.length === names.length && names.length > 0 ? 0 : 1,
  }
}

/** `date` in the C locale, UTC: `Thu Nov 26 06:07:02 UTC 2026`. */
export function dateText(now: number): string {
  const d = new Date(now)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, ' ')
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

export const BASIC_TOOLS: Record<string, Tool> = {
  seq,
  sleep,
  cat,
  tee,
  env,
  printenv,
  which,
  timeout,
  true: () => ok(),
  false: () => fail(''),
  hostname: (p) =>
    ok(`${p.argv[1] === '-i' || p.argv[1] === '-I' ? p.host.address : p.host.hostname}\n`),
  whoami: (p) => ok(`${userOf(p).name}\n`),
  id: (p) => {
    const u = userOf(p)
    return ok(`uid=${u.uid}(${u.name}) gid=${u.gid}(${u.group}) groups=${u.gid}(${u.group})\n`)
  },
  date,
}

BASIC_TOOLS.uname = uname
BASIC_TOOLS.yes = yes
BASIC_TOOLS.tput = tput
BASIC_TOOLS.clear = clear
BASIC_TOOLS.reset = reset
BASIC_TOOLS.stty = stty
BASIC_TOOLS.echo = (p) => ok(echoText(p.argv.slice(1), false))
BASIC_TOOLS.printf = (p) => {
  const r = printfCommand(p.argv)
  return { ...r, stderr: r.stderr ? `printf: ${r.stderr}` : '' }
}
