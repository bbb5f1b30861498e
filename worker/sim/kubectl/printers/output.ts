// kubectl's generic printers (-o yaml|json|name|jsonpath|jsonpath-as-json|custom-columns), for
// `get` and for the verbs that print what they made (`create ... -o yaml`, `--dry-run -o json`).

import type { KubeObject } from '../../objects/types'
import { printCustomColumns } from './custom-columns'
import { marshalGo } from './go-json'
import { marshalYaml } from './go-yaml'
import { printJsonPath } from './jsonpath'
import { kindPrefix } from './tables'
import { typedKeyOrder } from './typed-order'

export interface PrintResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface PrintOptions {
  /** objects kubectl built itself (typed structs): JSON keeps Go field order instead of sorting */
  typed?: boolean
  noHeaders?: boolean
  allowMissingTemplateKeys?: boolean
  /** the formats the calling command accepts, for the "unable to match a printer" error */
  allowedFormats?: string
}

/** Real kubectl formats the simulation does not implement (Go templates, files): said plainly. */
const UNSUPPORTED = [
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath-file',
  'custom-columns-file',
]

const DEFAULT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

/** YAMLPrinter: keys sorted at every level, `creationTimestamp: null` kept. */
export function printObjectYaml(obj: unknown): string {
  return marshalYaml(plain(obj))
}

/** JSONPrinter: 4-space MarshalIndent plus newline; `typed` keeps Go struct order. */
export function printObjectJson(obj: unknown, opts: { typed?: boolean } = {}): string {
  const o = plain(obj)
  const kind = (o as { kind?: string } | null)?.kind ?? ''
  return marshalGo(o, '    ', opts.typed ? typedKeyOrder(kind) : undefined) + '\n'
}

/** NamePrinter line: `deployment.apps/web` (+ ` created` when an operation is given). */
export function printObjectName(obj: KubeObject, operation?: string): string {
  return `${kindPrefix(obj.kind)}/${obj.metadata?.name || '<unknown>'}${operation ? ` ${operation}` : ''}\n`
}

/** Prints each object with one printer, as kubectl does for several objects (`---` between YAML docs). */
export function printObjects(
  objs: KubeObject[],
  output: string,
  opts: PrintOptions = {},
): PrintResult {
  let stdout = ''
  for (const [i, obj] of objs.entries()) {
    const r = printOne(obj, output, opts, i === 0)
    if (r.exitCode !== 0) return { ...r, stdout: stdout + r.stdout }
    stdout += r.stdout
  }
  return { stdout, stderr: '', exitCode: 0 }
}

/** One object (or a List) through the printer -o asks for. */
export function printOne(
  obj: unknown,
  output: string,
  opts: PrintOptions,
  first = true,
): PrintResult {
  const ok = (stdout: string): PrintResult => ({ stdout, stderr: '', exitCode: 0 })
  const fail = (stderr: string): PrintResult => ({ stdout: '', stderr, exitCode: 1 })
  const [format = '', ...rest] = output.split('=')
  const arg = rest.join('=')
  switch (format) {
    case 'yaml':
      return ok((first ? '' : '---\n') + printObjectYaml(obj))
    case 'json':
      return ok(printObjectJson(obj, { typed: opts.typed }))
    case 'name':
      return ok(
        listItems(obj)
          .map((o) => printObjectName(o))
          .join(''),
      )
    case 'jsonpath':
    case 'jsonpath-as-json': {
      if (arg === '') return fail('error: template format specified but no template given\n')
      const r = printJsonPath(arg, plain(obj), {
        allowMissingKeys: opts.allowMissingTemplateKeys ?? true,
        asJson: format === 'jsonpath-as-json',
      })
      return 'error' in r ? fail(r.error) : ok(r.stdout)
    }
    case 'custom-columns': {
      const r = printCustomColumns(arg, listItems(obj).map(plain), opts.noHeaders ?? false)
      return 'error' in r ? fail(`error: ${r.error}\n`) : ok(r.stdout)
    }
  }
  if (UNSUPPORTED.includes(format)) {
    return fail(
      `error: -o ${format} is not available in this terminal; use -o jsonpath=... or -o custom-columns=...\n`,
    )
  }
  return fail(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${opts.allowedFormats ?? DEFAULT_FORMATS}\n`,
  )
}

function listItems(obj: unknown): KubeObject[] {
  const o = obj as { kind?: string; items?: KubeObject[] }
  return o.kind === 'List' && Array.isArray(o.items) ? o.items : [obj as KubeObject]
}

/** A JSON-clean copy: what the API server would have stored and sent. */
export function plain<T>(obj: T): T {
  return obj === undefined ? obj : (JSON.parse(JSON.stringify(obj)) as T)
}
