// How kubectl prints failures (KUBERNETES-FACTS E2-E5; kubectl pkg/cmd/util/helpers.go checkErr,
// StandardErrorMessage, MultilineError, AddSourceToErr). Everything goes to stderr with exit 1.

import type { Ctx, ProcessResult } from '../context'
import type { ApiError } from '../objects/types'
import { randomInt } from '../state'

export interface ApiErrorOptions {
  /** the file the object came from (`STDIN` for `-f -`): adds `error when <verb> "<source>": ` */
  source?: string
  /** `creating` (default), `patching`, `deleting` ... */
  verb?: string
  /** part of an aggregate (several failures in one apply): E3 form even for Invalid */
  multi?: boolean
}

/** The status message with AddSourceToErr's prefix when the object came from a file. */
function sourced(err: ApiError, opts: ApiErrorOptions): string {
  if (!opts.source) return err.message
  return `error when ${opts.verb ?? 'creating'} "${opts.source}": ${err.message}`
}

/** Admission warnings as kubectl's warning handler prints them (before the error). */
export function renderWarnings(warnings: string[] | undefined): string {
  return (warnings ?? []).map((w) => `Warning: ${w}\n`).join('')
}

/** Renders one API error as kubectl's checkErr does; the text ends with a newline. */
export function renderApiError(err: ApiError, opts: ApiErrorOptions = {}): string {
  return renderWarnings(err.warnings) + renderApiErrorOnly(err, opts)
}

function renderApiErrorOnly(err: ApiError, opts: ApiErrorOptions): string {
  if (err.reason === 'Invalid' && err.details && !opts.multi) {
    const d = err.details
    const head = `The ${d.kind} "${d.name}" is invalid`
    const causes = [...new Set(d.causes.map((c) => c.message))]
    if (causes.length === 0) return `${head}\n`
    if (causes.length === 1) return `${head}: ${causes[0]}\n`
    return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`
  }
  return `Error from server (${err.reason}): ${sourced(err, opts)}\n`
}

/** A failed command that printed an API error (exit 1). */
export function printApiError(
  err: ApiError,
  opts: ApiErrorOptions = {},
  stdout = '',
): ProcessResult {
  return { stdout, stderr: renderApiError(err, opts), exitCode: 1 }
}

/** A client-side failure: `error: <text>` (checkErr's default branch). */
export function clientError(text: string, stdout = ''): ProcessResult {
  const msg = text.startsWith('error: ') ? text : `error: ${text}`
  return { stdout, stderr: msg.endsWith('\n') ? msg : `${msg}\n`, exitCode: 1 }
}

/** cmdutil.UsageErrorf: the message plus the pointer to `-h`. */
export function usageError(commandPath: string, text: string): ProcessResult {
  return clientError(`${text}\nSee '${commandPath} -h' for help and examples`)
}

/** A cobra-level failure (flag parsing): `Error: ...` plus the `--help` pointer. */
export function flagError(commandPath: string, text: string): ProcessResult {
  return {
    stdout: '',
    stderr: `Error: ${text}\nSee '${commandPath} --help' for usage.\n`,
    exitCode: 1,
  }
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** A klog header line as kubectl 1.32 writes warnings/errors (`W1126 06:08:47.107616   10612 file:line] msg`). */
export function klogLine(ctx: Ctx, severity: 'E' | 'W' | 'I', where: string, msg: string): string {
  const d = new Date(ctx.now)
  const pid = String(4000 + randomInt(ctx.s, 60000)).padStart(7, ' ')
  const micros = pad(d.getUTCMilliseconds(), 3) + pad(randomInt(ctx.s, 1000), 3)
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros}`
  return `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${time} ${pid} ${where}] ${msg}\n`
}

/** cobra's required-flag failure as kubectl 1.32 reports it (through klog, not `error:`). */
export function requiredFlagsError(ctx: Ctx, names: string[]): ProcessResult {
  const list = names.map((n) => `\\"${n}\\"`).join(', ')
  const msg = `"command failed" err="required flag(s) ${list} not set"`
  return { stdout: '', stderr: klogLine(ctx, 'E', 'run.go:72', msg), exitCode: 1 }
}
