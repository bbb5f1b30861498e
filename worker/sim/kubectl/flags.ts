// Flag parsing as spf13/pflag does it for kubectl's cobra commands: long and short forms,
// `--x=v`, `--x v`, `-xv`, `-x=v`, clustered short bools (`-it`), `--` ending flags, flags anywhere
// among the positionals. Leaves out pflag's deprecated/hidden flags and NoOptDefVal for non-bools.

import { parseGoBool } from '../go-bool'

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration'

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  /** pflag NoOptDefVal: the value of a bare `--flag` (then `--flag x` leaves x positional) */
  noOptDefault?: string
}

export interface ParsedFlags {
  /** raw values by long name, in the order given (bools hold 'true'/'false') */
  values: Map<string, string[]>
  args: string[]
  /** index in args where `--` appeared, -1 when absent (cobra's ArgsLenAtDash) */
  argsLenAtDash: number
}

export type ParseResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string }

/** The flags every kubectl command accepts (`kubectl options`) plus cobra's help flag. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'v', short: 'v', type: 'int' },
  ...['as', 'as-uid', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key']
    .concat(['cluster', 'context', 'kubeconfig', 'password', 'profile', 'profile-output'])
    .concat(['request-timeout', 'tls-server-name', 'token', 'user', 'username', 'vmodule'])
    .concat(['log-flush-frequency'])
    .map((name): FlagSpec => ({ name, type: 'string' })),
  { name: 'server', short: 's', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  ...[
    'disable-compression',
    'insecure-skip-tls-verify',
    'match-server-version',
    'warnings-as-errors',
  ].map((name): FlagSpec => ({ name, type: 'bool' })),
]

function flagLabel(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`
}

const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/

/** Checks one value the way the pflag Value's Set would, returning pflag's error text. */
function checkValue(f: FlagSpec, raw: string): string | undefined {
  const bad = (why: string) => `invalid argument "${raw}" for "${flagLabel(f)}" flag: ${why}`
  if (f.type === 'bool' && parseGoBool(raw) === undefined)
    return bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`)
  if (f.type === 'int' && !/^[-+]?(\d+|0[xX][0-9a-fA-F]+)$/.test(raw))
    return bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`)
  if (f.type === 'duration' && raw !== '0' && !DURATION.test(raw))
    return bad(`time: invalid duration "${raw}"`)
  return undefined
}

function addValue(out: ParsedFlags, f: FlagSpec, raw: string): string | undefined {
  const err = checkValue(f, raw)
  if (err) return err
  const value = f.type === 'bool' ? String(parseGoBool(raw)) : raw
  const list = out.values.get(f.name) ?? []
  if (f.type === 'stringSlice') list.push(...(value === '' ? [] : value.split(',')))
  else if (f.type === 'stringArray') list.push(value)
  else list.splice(0, list.length, value)
  out.values.set(f.name, list)
  return undefined
}

interface FlagIndex {
  byName: Map<string, FlagSpec>
  byShort: Map<string, FlagSpec>
}

/** A command's flags plus the global ones; its own flag shadows a global one of its name (cobra). */
export function withGlobalFlags(specs: FlagSpec[]): FlagSpec[] {
  const own = new Set(specs.map((f) => f.name))
  return [...specs, ...GLOBAL_FLAGS.filter((f) => !own.has(f.name))]
}

/** Kept per spec list: a command's list comes from its help text, read once (help/index.ts). */
const INDEXES = new WeakMap<FlagSpec[], FlagIndex>()

/** A command's flags plus the global ones, by name and by shorthand. */
function flagIndex(specs: FlagSpec[]): FlagIndex {
  const kept = INDEXES.get(specs)
  if (kept) return kept
  const all = withGlobalFlags(specs)
  const index = {
    byName: new Map(all.map((f) => [f.name, f])),
    byShort: new Map(all.filter((f) => f.short).map((f) => [f.short as string, f])),
  }
  INDEXES.set(specs, index)
  return index
}

/** Parses argv against a command's flags (plus the global ones); errors carry pflag's wording. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParseResult {
  const { byName, byShort } = flagIndex(specs)
  const out: ParsedFlags = { values: new Map(), args: [], argsLenAtDash: -1 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') {
      out.argsLenAtDash = out.args.length
      out.args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const f = byName.get(name)
      if (!f) return { ok: false, error: `unknown flag: --${name}` }
      let value: string
      if (eq >= 0) value = a.slice(eq + 1)
      else if (f.type === 'bool') value = 'true'
      else if (f.noOptDefault !== undefined) value = f.noOptDefault
      else if (i + 1 < argv.length) value = argv[++i] as string
      else return { ok: false, error: `flag needs an argument: --${name}` }
      const err = addValue(out, f, value)
      if (err) return { ok: false, error: err }
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      const r = parseShorts(a, argv, i, byShort, out)
      if (typeof r === 'string') return { ok: false, error: r }
      i = r
      continue
    }
    out.args.push(a)
  }
  return { ok: true, flags: out }
}

/** One `-abc` cluster; returns the index of the last argv element consumed, or an error text. */
function parseShorts(
  a: string,
  argv: string[],
  i: number,
  byShort: Map<string, FlagSpec>,
  out: ParsedFlags,
): number | string {
  let rest = a.slice(1)
  while (rest.length > 0) {
    const c = rest[0] as string
    const f = byShort.get(c)
    if (!f) return `unknown shorthand flag: '${c}' in ${a}`
    let value: string
    if (rest[1] === '=') {
      value = rest.slice(2)
      rest = ''
    } else if (f.type === 'bool') {
      value = 'true'
      rest = rest.slice(1)
    } else if (rest.length > 1) {
      value = rest.slice(1)
      rest = ''
    } else if (i + 1 < argv.length) {
      value = argv[++i] as string
      rest = ''
    } else return `flag needs an argument: '${c}' in -${c}`
    const err = addValue(out, f, value)
    if (err) return err
  }
  return i
}

/** Typed access to parsed flags with kubectl's defaults. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args
  }
  has(name: string): boolean {
    return this.parsed.values.has(name)
  }
  str(name: string, dflt = ''): string {
    const v = this.parsed.values.get(name)
    return v && v.length > 0 ? (v[v.length - 1] as string) : dflt
  }
  bool(name: string, dflt = false): boolean {
    return this.has(name) ? this.str(name) === 'true' : dflt
  }
  int(name: string, dflt: number): number {
    return this.has(name) ? Number(this.str(name)) : dflt
  }
  list(name: string): string[] {
    return this.parsed.values.get(name) ?? []
  }
}
