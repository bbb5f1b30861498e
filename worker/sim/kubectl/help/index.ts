// kubectl 1.32's help texts (`kubectl <verb> --help`, captured from the real client) and the flag
// table each command accepts, read from the `Options:` section of its help so that every real flag
// parses (and a flag kubectl lacks is refused as pflag refuses it).

import texts from './texts.json'
import type { FlagSpec, FlagType } from '../flags'

const HELP: Record<string, string> = texts

/** The help text for a command path (`''` = root, `create service nodeport`), or undefined. */
export function helpText(path: string): string | undefined {
  return HELP[path]
}

/** Flags whose pflag type the help's `=[]` default cannot tell apart from a string slice. */
const STRING_ARRAYS = new Set([
  'env',
  'annotations',
  'overrides-array',
  'rule',
  'annotation',
  'from-literal',
])
/**
 * Flags with NoOptDefVal in kubectl (`--dry-run` alone means `unchanged`, a deprecated client;
 * `--cascade` alone means `background`, cmdutil.AddCascadingFlag).
 */
const NO_OPT: Record<string, string> = { 'dry-run': 'unchanged', cascade: 'background' }

function typeOf(name: string, dflt: string): FlagType {
  if (dflt === 'true' || dflt === 'false') return 'bool'
  if (dflt.startsWith('[')) return STRING_ARRAYS.has(name) ? 'stringArray' : 'stringSlice'
  if (/^-?\d+$/.test(dflt)) return 'int'
  if (/^\d+(\.\d+)?[a-z]/.test(dflt)) return 'duration'
  return 'string'
}

const cache = new Map<string, FlagSpec[]>()

/** The flags of one command, from the `Options:` lines (`    -f, --filename=[]:`) of its help. */
export function flagSpecs(path: string): FlagSpec[] {
  const hit = cache.get(path)
  if (hit) return hit
  const specs: FlagSpec[] = []
  for (const m of (HELP[path] ?? '').matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/gm)) {
    const name = m[2] as string
    const spec: FlagSpec = { name, type: typeOf(name, m[3] as string) }
    if (m[1]) spec.short = m[1]
    if (NO_OPT[name] !== undefined) spec.noOptDefault = NO_OPT[name]
    specs.push(spec)
  }
  cache.set(path, specs)
  return specs
}
