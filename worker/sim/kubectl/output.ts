// `-o` for the mutating verbs (create/apply/run/expose/scale/label...): kubectl's PrintFlags accept
// yaml, json, name and jsonpath there, but not the table formats that only `get` knows.

import type { KubeObject } from '../objects/types'
import { printObjects } from './api'
import { nameLine } from './names'

const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

/** The PrintFlags error for an output format these verbs cannot print, or undefined when fine. */
export function outputError(output: string): string | undefined {
  if (output === '' || output === 'yaml' || output === 'json' || output === 'name') return undefined
  if (/^(jsonpath|jsonpath-as-json)=/.test(output)) return undefined
  return `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`
}

/**
 * Prints objects for `-o`: `kind/name` lines for `name`, else the shared object printers. `typed`:
 * kubectl built the object as a Go struct, so JSON keeps field order (unstructured answers sort keys).
 */
export function renderObjects(objs: KubeObject[], output: string, typed = false): string {
  if (output === 'name') return objs.map((o) => nameLine(o.kind, o.metadata.name)).join('')
  const r = printObjects(objs, output, { typed })
  return r.stdout + r.stderr
}

/** True when `-o` asks for whole objects rather than the one-line operation messages. */
export function printsObjects(output: string): boolean {
  return output !== '' && output !== 'name'
}
