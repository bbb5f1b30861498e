// The `key=value` / `key-` arguments of kubectl label and annotate (kubectl pkg/cmd/label,
// pkg/cmd/annotate, cmdutil.GetResourcesAndPairs and ParsePairs).

import { isValidLabelValue } from '../objects/names'

export interface Pairs {
  set: Record<string, string>
  remove: string[]
}

/** cmdutil.GetResourcesAndPairs: resources first, then pairs. */
export function splitArgs(
  args: string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length > 0)
      return `all resources must be specified before ${pairType} changes: ${s}`
    else resources.push(s)
  }
  return { resources, pairs }
}

/** label.go parseLabels: `k=v` and `k-`, with its error texts. */
export function parseLabelPairs(specs: string[]): Pairs | string {
  const out: Pairs = { set: {}, remove: [] }
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) return `invalid label spec: ${spec}`
      const errs = isValidLabelValue(parts[1] as string)
      if (errs.length > 0) return `invalid label value: "${spec}": ${errs.join(';')}`
      out.set[parts[0] as string] = parts[1] as string
    } else if (spec.endsWith('-')) out.remove.push(spec.slice(0, -1))
    else return `unknown label spec: ${spec}`
  }
  if (out.remove.some((r) => r in out.set))
    return 'can not both modify and remove a label in the same command'
  return out
}

/** cmdutil.ParsePairs for annotations (values may contain `=`). */
export function parseAnnotationPairs(specs: string[]): Pairs | string {
  const out: Pairs = { set: {}, remove: [] }
  const invalid: string[] = []
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    if (eq > 0) out.set[spec.slice(0, eq)] = spec.slice(eq + 1)
    else if (spec.endsWith('-') && spec !== '-') out.remove.push(spec.slice(0, -1))
    else invalid.push(spec)
  }
  if (invalid.length > 0) return `invalid annotation format: ${invalid.join(', ')}`
  const both = out.remove.filter((r) => r in out.set)
  if (both.length > 0)
    return `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`
  return out
}
